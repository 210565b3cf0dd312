import { describe, expect, it } from 'vitest';
import type { Region } from '@/features/reference/api/get-regions';
import { nextRegionOrder, toRegionCreate, toRegionFormValues, toRegionPatch } from './region-form-values';

const region: Region = { code: '445222', name: '揭西县', name_en: 'Jiexi County', kind: 'county', order: 3 };

describe('region form values', () => {
  it('sends nothing when nothing changed', () => {
    expect(toRegionPatch(toRegionFormValues(region), region)).toEqual({});
  });

  it('sends only the changed fields, trimmed, and never the code', () => {
    expect(toRegionPatch({ ...toRegionFormValues(region), code: 'OTHER', name: ' 揭西 ', order: 4 }, region)).toEqual({ name: '揭西', order: 4 });
  });

  it('clears an English name', () => {
    expect(toRegionPatch({ ...toRegionFormValues(region), name_en: '  ' }, region)).toEqual({ name_en: '' });
  });

  it('trims a new region', () => {
    expect(toRegionCreate({ code: ' 441302 ', name: ' 惠城区 ', kind: 'district', order: 1 })).toEqual({
      code: '441302',
      name: '惠城区',
      name_en: '',
      kind: 'district',
      order: 1,
    });
  });

  it('puts a new region after the last', () => {
    expect(nextRegionOrder([])).toBe(1);
    expect(nextRegionOrder([{ order: 9 }, { order: 3 }])).toBe(10);
  });
});
