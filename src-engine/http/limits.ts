/*
 * The limits on what a request may carry (docs/spaaza-wire.md, "Request limits"). Beyond them a
 * request is refused at the edge, before any route reads it.
 */

/** The largest body, JSON or form (urlencoded or multipart), in bytes after decompression. */
export const BODY_LIMIT = 256 * 1024;

/** The longest field name of a multipart form body. */
export const MAX_FIELD_NAME_BYTES = 200;

/** The most fields a form body may have (body-parser's `parameterLimit`, multer's `fields`). */
export const MAX_FORM_PARAMETERS = 100;

/** How deeply a body may nest objects and arrays; no call needs more than five levels. */
export const MAX_NESTING_DEPTH = 32;
