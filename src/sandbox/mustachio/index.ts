// Interface agreed between the sandbox and its Mustachio engine; the engine fills these in.
export interface TemplateError {
  Message: string;
  Line: number;
  CharacterPosition: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: TemplateError[];
}

/** Renders Mustachio `template` with `model`; `html` decides whether `{{ x }}` is HTML-escaped. Throws TemplateSyntaxError on bad syntax. */
export declare function render(template: string, model: unknown, options?: { html?: boolean }): string;
/** Checks syntax without rendering. */
export declare function validate(template: string): ValidationResult;
/** Every variable path the templates use, as a model with placeholder values (`name_Value`), merged over `base`. */
export declare function suggestModel(templates: string[], base?: Record<string, unknown>): Record<string, unknown>;
/** Inserts rendered content into a layout at `{{{ @content }}}`; the layout is rendered with `model` too. */
export declare function renderWithLayout(layout: string, content: string, model: unknown, options?: { html?: boolean }): string;
/** Number of `{{{ @content }}}` placeholders in a layout (must be exactly 1, else ErrorCode 1131). */
export declare function countContentPlaceholders(layout: string): number;
