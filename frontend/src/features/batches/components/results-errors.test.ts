import { describe, expect, it } from 'vitest';
import { resultLineErrors } from './results-errors';

describe('resultLineErrors', () => {
  it('numbers each bad line from 1, in order, and keeps errors of the file without a line', () => {
    expect(
      resultLineErrors([
        { field: 'rows[3].granted_on', message: '不能晚于今天' },
        { field: 'file', message: '缺少“结果”列' },
        { field: 'rows[0].credit_code', message: '本批次没有该企业的已推荐申报' },
      ]),
    ).toEqual([
      { key: '1', line: null, field: 'file', message: '缺少“结果”列' },
      { key: '2', line: 1, field: 'credit_code', message: '本批次没有该企业的已推荐申报' },
      { key: '0', line: 4, field: 'granted_on', message: '不能晚于今天' },
    ]);
  });
});
