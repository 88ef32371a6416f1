import type { RequestHandler, Response } from 'express';

/** Which envelope a call answers in: Spaaza's (baskets, vouchers, admin) or the WLL reward face's. */
export type Face = 'spaaza' | 'wll';

/** Marks the calls behind it as answering on `face`, errors included (read by `faceOf`). */
export function answersOn(face: Face): RequestHandler {
  return (_request, response, next) => {
    response.locals.face = face;
    next();
  };
}

/** The face the call being answered serves; Spaaza's unless a router said otherwise. */
export function faceOf(response: Response): Face {
  const face: unknown = response.locals.face;
  return face === 'wll' ? 'wll' : 'spaaza';
}
