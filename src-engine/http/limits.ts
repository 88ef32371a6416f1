/*
 * The limits on what a request may carry (docs/spaaza-wire.md, "Request limits"). Beyond them a
 * request is refused at the edge, before any route reads it.
 */

/** The largest body, JSON or form, after decompression. */
export const BODY_LIMIT = '256kb';

/** The most fields a form body may have (body-parser's `parameterLimit`). */
export const MAX_FORM_PARAMETERS = 100;

/** How deeply a body may nest objects and arrays; no call needs more than five levels. */
export const MAX_NESTING_DEPTH = 32;
