import type { Region, RegionKind } from '@/features/reference/api/get-regions';
import type { RegionCreateInput } from '../api/create-region';
import type { RegionPatchInput } from '../api/update-region';

export type RegionFormValues = {
  code: string;
  name: string;
  name_en?: string;
  kind: RegionKind;
  order: number;
};

export const REGION_KINDS: RegionKind[] = ['district', 'county', 'county_city', 'zone'];

/** REGION_CODE is the contract's pattern: a division code, or the bureau's own for a zone. */
export const REGION_CODE = /^[0-9A-Za-z]{4,12}$/;

export function toRegionFormValues(r: Region): RegionFormValues {
  return { code: r.code, name: r.name, name_en: r.name_en, kind: r.kind, order: r.order };
}

/** nextRegionOrder puts a new region after the last one. */
export function nextRegionOrder(regions: Pick<Region, 'order'>[]): number {
  return Math.min(9999, regions.reduce((max, r) => Math.max(max, r.order), 0) + 1);
}

export function toRegionCreate(v: RegionFormValues): RegionCreateInput {
  return { code: v.code.trim(), name: v.name.trim(), name_en: v.name_en?.trim() ?? '', kind: v.kind, order: v.order };
}

/** toRegionPatch sends only what changed; the code is the region's name in the URL and never changes. */
export function toRegionPatch(v: RegionFormValues, r: Region): RegionPatchInput {
  const patch: RegionPatchInput = {};
  const name = v.name.trim();
  if (name !== r.name) patch.name = name;
  const nameEn = v.name_en?.trim() ?? '';
  if (nameEn !== r.name_en) patch.name_en = nameEn;
  if (v.kind !== r.kind) patch.kind = v.kind;
  if (v.order !== r.order) patch.order = v.order;
  return patch;
}
