// Error texts exactly as Mustachio produces them (its doubled braces collapse to single ones after two String.Format passes).
export const invalidPath = (path: string): string =>
  `The path '${path}' is not valid. Please see documentation for examples of valid paths.`;
export const unclosedScope = (path: string): string =>
  `A scope block to the following path was opened but not closed: '${path}', please close it using the appropriate syntax.`;
export const MISMATCHED = "It appears that open and closing elements are mismatched.";
export const EACH_NEEDS_PATH =
  "The 'each' block being opened requires a model path to be specified in the form '{#each <name>}'.";
export const EACH_CLOSE_SYNTAX = "The syntax to close the 'each' block should be: '{/each}'.";
export const STRAY_EACH_CLOSE =
  "An 'each' block is being closed, but no corresponding opening element ('{#each <name>}') was detected.";
