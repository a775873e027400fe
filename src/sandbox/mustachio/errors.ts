/** One parse problem, in the shape Postmark's /templates/validate reports it. */
export interface TemplateError {
  Message: string;
  Line: number;
  CharacterPosition: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: TemplateError[];
}

/** All parse errors of a template; the first one (sorted by line, then position) names the error, like Mustachio's AggregateException. */
export class TemplateSyntaxError extends Error {
  readonly line: number;
  /** 1-based character within the line, pointing at the tag's first `{`. */
  readonly position: number;
  readonly errors: TemplateError[];

  constructor(errors: TemplateError[]) {
    const first = errors[0] ?? { Message: "Invalid template.", Line: 1, CharacterPosition: 1 };
    super(first.Message);
    this.name = "TemplateSyntaxError";
    this.line = first.Line;
    this.position = first.CharacterPosition;
    this.errors = errors;
  }
}

/**
 * Thrown while rendering (only `{{#each x}}` over a truthy non-array can do this).
 * Mustachio's message is just the path because of the constructor overload it picks; `detail` keeps the intended text.
 */
export class TemplateRenderError extends Error {
  readonly path: string;
  readonly detail: string;

  constructor(path: string) {
    super(path);
    this.name = "TemplateRenderError";
    this.path = path;
    this.detail = `'${path}' is used like an array by the template, but is a scalar value or object in your model.`;
  }
}
