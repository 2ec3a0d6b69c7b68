/** Every demo outlet's template, in the order the newsroom starts them. */
import type { OutletId } from '../../data/types.ts';
import type { OutletTemplate } from '../types.ts';
import { nile } from './nile.ts';
import { sham } from './sham.ts';
import { khaleej } from './khaleej.ts';
import { maghreb } from './maghreb.ts';
import { rafidain } from './rafidain.ts';
import { wire } from './wire.ts';
import { quds } from './quds.ts';

export const OUTLET_TEMPLATES: readonly OutletTemplate[] = [nile, sham, khaleej, maghreb, rafidain, wire, quds];

export function templateFor(id: OutletId): OutletTemplate {
  const t = OUTLET_TEMPLATES.find((o) => o.id === id);
  if (!t) throw new Error(`no demo outlet template for ${id}`);
  return t;
}
