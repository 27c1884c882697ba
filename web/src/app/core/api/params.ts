import { HttpParams } from '@angular/common/http';

/** Query parameters from a plain object; empty values are left out rather than sent as "". */
export function toParams(q: object): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(q))
    if (v !== null && v !== undefined && v !== '') p = p.set(k, String(v));
  return p;
}
