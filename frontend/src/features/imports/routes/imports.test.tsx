import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { anImport, rowError } from '@/testing/import-fixtures';
import { apiError, mockApi, type MockReply } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import type { Import } from '../api/get-import';

/** inTurn answers each call with the next reply, and the last one from then on (a job moving on while it is polled). */
function inTurn(...replies: MockReply[]) {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)] as MockReply;
}

const older = anImport({
  id: 3,
  filename: '2024年度数据.xlsx',
  format: 'xlsx',
  kind: 'annual_reports',
  status: 'done',
  validated: true,
  total_rows: 40,
  processed_rows: 40,
  created_count: 30,
  updated_count: 10,
  finished_at: '2025-02-01T03:00:00Z',
});

function serve(role: Role, routes: Parameters<typeof mockApi>[0] = {}, recent: Import[] = [older]) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role) },
    'GET /api/v1/imports': { body: page(recent) },
    'GET /api/v1/imports/3': { body: older },
    ...routes,
  });
}

const dropzoneInput = () => screen.getByTestId('import-upload').querySelector('input[type="file"]') as HTMLInputElement;
const csv = (name = '企业名录.csv', text = '企业名称,统一社会信用代码\n') => new File([text], name, { type: 'text/csv' });

const problems = [
  rowError({ row: 4, column: 'region_code', header: '所属区域', cell: 'C4', rule: 'unknown_region', message: '所属区域不存在' }),
  rowError({ row: 3 }),
  rowError({ row: 1, column: '注册资本', header: '注册资本', cell: 'M1', rule: 'unknown_field', message: '未知的列' }),
];

describe('imports page', () => {
  it('offers a city officer every kind with its template, in the UI language', async () => {
    serve('city_officer');
    renderApp('/imports');
    const user = userEvent.setup();
    const kinds = await screen.findByTestId('import-kind');
    expect(within(kinds).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['enterprises', 'annual_reports', 'qualifications']);
    const template = () => new URL(screen.getByTestId('import-template').getAttribute('href') ?? '', 'http://x');
    expect(template().pathname).toBe('/api/v1/imports/templates/enterprises');
    expect(template().searchParams.get('lang')).toBe('zh-CN');
    expect(screen.getByTestId('import-template')).toHaveTextContent('下载“企业名录”模板');

    await user.click(screen.getByTestId('import-kind-qualifications'));
    expect(template().pathname).toBe('/api/v1/imports/templates/qualifications');
    expect(screen.getByTestId('import-kind-hint')).toHaveTextContent('仅市局工作人员和系统管理员可导入');

    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(template().searchParams.get('lang')).toBe('en-US'));
    expect(screen.getByTestId('import-template')).toHaveTextContent('Download the “Historic qualifications” template');
  });

  it('offers a county officer the registry and the figures only', async () => {
    serve('county_officer');
    renderApp('/imports?kind=qualifications');
    const kinds = await screen.findByTestId('import-kind');
    expect(within(kinds).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['enterprises', 'annual_reports']);
    // A kind it may not import, asked by the URL, falls back to the first.
    expect(within(kinds).getByDisplayValue('enterprises')).toBeChecked();
  });

  it('uploads a file, follows its check with a progress bar, and lists every bad row with its row, column, cell and reason', async () => {
    const invalid = anImport({ status: 'invalid', total_rows: 200, processed_rows: 200, error_count: 3, errors: problems });
    let posted = false;
    const { callsTo } = serve('city_officer', {
      'POST /api/v1/imports': () => ((posted = true), { status: 202, body: anImport() }),
      // The list's copy of the new import lags behind: it says validating throughout.
      'GET /api/v1/imports': () => ({ body: page(posted ? [anImport(), older] : [older]) }),
      'GET /api/v1/imports/5': inTurn(
        { body: anImport({ total_rows: 200, processed_rows: 100 }) },
        { body: anImport({ total_rows: 200, processed_rows: 100 }) },
        { body: invalid },
      ),
    });
    const { router } = renderApp('/imports');
    const user = userEvent.setup();
    await screen.findByTestId('import-upload');
    await user.click(screen.getByTestId('import-kind-annual_reports'));
    await user.upload(dropzoneInput(), csv('年度数据.csv'));

    await waitFor(() => expect(callsTo('POST', '/api/v1/imports')).toHaveLength(1));
    const form = callsTo('POST', '/api/v1/imports')[0]?.body as FormData;
    expect(form.get('kind')).toBe('annual_reports');
    // (jsdom's File reaches the stubbed fetch with its type only.)
    expect(form.get('file')).toHaveProperty('type', 'text/csv');
    // The import's id is in the URL, so that a reload follows it again.
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/5'));

    const progress = await screen.findByTestId('import-progress');
    await waitFor(() => expect(progress).toHaveAttribute('data-percent', '50'));
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('正在校验：100 / 200 行');

    // The job ends with problems: they are listed, by row, and nothing was written.
    const panel = await screen.findByTestId('import-invalid', undefined, { timeout: 5000 });
    expect(within(screen.getByTestId('import-panel')).getByTestId('import-status')).toHaveTextContent('有错误');
    // The list's row is the import as polled, not the list's older copy.
    await waitFor(() => expect(within(screen.getByTestId('import-row-5')).getByTestId('import-status')).toHaveTextContent('有错误'));
    expect(within(panel).getByTestId('import-invalid-title')).toHaveTextContent('发现 3 处错误，未写入任何数据 · 涉及 3 行');
    expect(screen.queryByTestId('import-errors-partial')).not.toBeInTheDocument();
    const rows = screen.getAllByTestId('import-error');
    expect(rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-column')])).toEqual([
      ['1', '注册资本'],
      ['3', 'credit_code'],
      ['4', 'region_code'],
    ]);
    expect(within(rows[0]!).getByTestId('import-error-row')).toHaveTextContent('1（表头）');
    expect(within(rows[1]!).getByTestId('import-error-row')).toHaveTextContent('3');
    expect(within(rows[1]!).getByTestId('import-error-column')).toHaveTextContent('统一社会信用代码');
    expect(within(rows[1]!).getByTestId('import-error-cell')).toHaveTextContent('B3');
    expect(within(rows[1]!).getByTestId('import-error-message')).toHaveTextContent('统一社会信用代码校验位不正确');
    // Fixing means uploading the file again, right there; there is nothing to confirm.
    expect(screen.getByTestId('import-upload-again-button')).toHaveTextContent('上传修正后的文件');
    expect(screen.queryByTestId('import-confirm')).not.toBeInTheDocument();
  });

  it('keeps showing the last progress when a poll fails, says so once on the page, and goes on polling', async () => {
    const checking = anImport({ total_rows: 200, processed_rows: 100 });
    const busy = apiError(500, 'internal', '服务器内部错误');
    serve('city_officer', {
      'GET /api/v1/imports/5': inTurn({ body: checking }, busy, busy, { body: { ...checking, status: 'ready', validated: true, processed_rows: 200, created_count: 200 } }),
    });
    renderApp('/imports/5');
    expect(await screen.findByTestId('import-progress')).toHaveAttribute('data-percent', '50');
    const warning = await screen.findByTestId('import-poll-error', undefined, { timeout: 8000 });
    expect(warning).toHaveTextContent('暂时无法获取最新进度（服务器内部错误），正在重试');
    expect(screen.getByTestId('import-progress')).toHaveAttribute('data-percent', '50');
    // No toast for it: the page says it.
    expect(document.querySelector('.ant-message')?.textContent ?? '').not.toContain('服务器内部错误');
    expect(await screen.findByTestId('import-ready', undefined, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByTestId('import-poll-error')).not.toBeInTheDocument();
  });

  it('says when only the first 1,000 problems are listed', async () => {
    const errors = Array.from({ length: 1000 }, (_, i) => rowError({ row: i + 2 }));
    serve('city_officer', { 'GET /api/v1/imports/5': { body: anImport({ status: 'invalid', total_rows: 5000, processed_rows: 5000, error_count: 1500, errors }) } });
    renderApp('/imports/5');
    expect(await screen.findByTestId('import-invalid-title')).toHaveTextContent('发现 1500 处错误，未写入任何数据');
    expect(screen.getByTestId('import-errors-partial')).toHaveTextContent('下表仅列出前 1,000 处错误，共 1,500 处');
    // Paged, not a thousand rows at once.
    expect(screen.getAllByTestId('import-error')).toHaveLength(20);
  });

  it('uploads the fixed file from the list of problems, as the same kind', async () => {
    const { callsTo, router } = (() => {
      const api = serve('county_officer', {
        'GET /api/v1/imports/5': { body: anImport({ kind: 'annual_reports', status: 'invalid', total_rows: 2, processed_rows: 2, error_count: 1, errors: [rowError()] }) },
        'POST /api/v1/imports': { status: 202, body: anImport({ id: 6, kind: 'annual_reports' }) },
        'GET /api/v1/imports/6': { body: anImport({ id: 6, kind: 'annual_reports', status: 'ready', validated: true, total_rows: 2, processed_rows: 2, created_count: 2 }) },
      });
      return { ...api, router: renderApp('/imports/5').router };
    })();
    const user = userEvent.setup();
    await screen.findByTestId('import-upload-again');
    const input = screen.getByTestId('import-upload-again').querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, csv('年度数据-修正.csv'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/imports')).toHaveLength(1));
    expect((callsTo('POST', '/api/v1/imports')[0]?.body as FormData).get('kind')).toBe('annual_reports');
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/6'));
    expect(await screen.findByTestId('import-ready')).toBeInTheDocument();
  });

  it('shows what a clean file will write, asks before writing, follows the write and shows the result', async () => {
    const ready = anImport({ status: 'ready', validated: true, total_rows: 12, processed_rows: 12, created_count: 9, updated_count: 3 });
    const { callsTo } = serve('city_officer', {
      'GET /api/v1/imports/5': inTurn(
        { body: ready },
        { body: { ...ready, status: 'importing', processed_rows: 6 } },
        { body: { ...ready, status: 'done', finished_at: '2025-03-01T02:01:00Z' } },
      ),
      'POST /api/v1/imports/5/confirm': { status: 202, body: { ...ready, status: 'importing', processed_rows: 0 } },
    });
    renderApp('/imports/5');
    const user = userEvent.setup();
    const readyView = await screen.findByTestId('import-ready');
    expect(within(readyView).getByTestId('import-count-rows')).toHaveTextContent('12');
    expect(within(readyView).getByTestId('import-count-created')).toHaveTextContent('将新增9');
    expect(within(readyView).getByTestId('import-count-updated')).toHaveTextContent('将更新3');
    expect(within(screen.getByTestId('import-panel')).getByTestId('import-status')).toHaveTextContent('待确认');

    // Cancelling the dialog writes nothing.
    await user.click(screen.getByTestId('import-confirm'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('确认导入“企业名录.csv”？');
    expect(dialog).toHaveTextContent('将新增 9 条、更新 3 条');
    await user.click(within(dialog).getByRole('button', { name: '取 消' }));
    expect(callsTo('POST', '/api/v1/imports/5/confirm')).toHaveLength(0);

    // (The cancelled dialog may still be leaving: the new one is the last.)
    const leaving = screen.queryAllByTestId('import-confirm-ok').length;
    await user.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('import-confirm-ok')).toHaveLength(leaving + 1));
    await user.click(screen.getAllByTestId('import-confirm-ok').at(-1)!);
    await waitFor(() => expect(callsTo('POST', '/api/v1/imports/5/confirm')).toHaveLength(1));

    const progress = await screen.findByTestId('import-progress');
    expect(progress).toHaveAttribute('data-phase', 'importing');
    const done = await screen.findByTestId('import-done', undefined, { timeout: 5000 });
    expect(within(done).getByTestId('import-count-created')).toHaveTextContent('已新增9');
    expect(within(done).getByTestId('import-count-updated')).toHaveTextContent('已更新3');
    expect(within(done).getByTestId('import-open-list')).toHaveAttribute('href', '/enterprises');
    expect(within(screen.getByTestId('import-panel')).getByTestId('import-status')).toHaveTextContent('已完成');
  });

  it('points a finished import of qualifications at the qualifications list', async () => {
    serve('city_officer', {
      'GET /api/v1/imports/5': { body: anImport({ kind: 'qualifications', status: 'done', validated: true, total_rows: 2, processed_rows: 2, created_count: 2 }) },
    });
    renderApp('/imports/5');
    expect(await screen.findByTestId('import-open-list')).toHaveAttribute('href', '/qualifications');
  });

  it('offers to confirm again an import whose write was interrupted, and only that one', async () => {
    const interrupted = anImport({
      status: 'failed',
      failure: 'interrupted',
      failure_message: '导入中断，未写入任何数据；可重新确认导入',
      validated: true,
      total_rows: 12,
      processed_rows: 3,
      created_count: 12,
    });
    const { callsTo } = serve('city_officer', {
      'GET /api/v1/imports/5': inTurn({ body: interrupted }, { body: { ...interrupted, status: 'importing', failure: null, failure_message: null } }),
      'POST /api/v1/imports/5/confirm': { status: 202, body: { ...interrupted, status: 'importing', failure: null, failure_message: null } },
    });
    renderApp('/imports/5');
    const user = userEvent.setup();
    expect(await screen.findByTestId('import-failure')).toHaveTextContent('导入中断，未写入任何数据；可重新确认导入');
    await user.click(screen.getByTestId('import-confirm'));
    await user.click(within(await screen.findByRole('dialog')).getByTestId('import-confirm-ok'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/imports/5/confirm')).toHaveLength(1));
    expect(await screen.findByTestId('import-progress')).toHaveAttribute('data-phase', 'importing');
  });

  it('says why a file could not be read, and offers to upload another', async () => {
    serve('city_officer', {
      'GET /api/v1/imports/5': {
        body: anImport({ status: 'failed', failure: 'not_a_table', failure_message: '文件不是有效的 Excel（.xlsx）或 CSV 表格', finished_at: '2025-03-01T02:00:01Z' }),
      },
    });
    renderApp('/imports/5');
    expect(await screen.findByTestId('import-failure')).toHaveTextContent('文件不是有效的 Excel（.xlsx）或 CSV 表格');
    expect(screen.getByTestId('import-panel')).toHaveAttribute('data-view', 'failed');
    expect(screen.getByTestId('import-upload-again')).toBeInTheDocument();
    expect(screen.queryByTestId('import-confirm')).not.toBeInTheDocument();
  });

  it('tells a refused confirmation (no longer ready) and shows the import as it now stands', async () => {
    const ready = anImport({ status: 'ready', validated: true, total_rows: 2, processed_rows: 2, created_count: 2 });
    const { callsTo } = serve('city_officer', {
      'GET /api/v1/imports/5': inTurn({ body: ready }, { body: { ...ready, status: 'done' } }),
      'POST /api/v1/imports/5/confirm': apiError(409, 'invalid_transition', '该导入已不是待确认状态'),
    });
    renderApp('/imports/5');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('import-confirm'));
    await user.click(within(await screen.findByRole('dialog')).getByTestId('import-confirm-ok'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/imports/5/confirm')).toHaveLength(1));
    expect(await screen.findByText('该导入已不是待确认状态')).toBeInTheDocument();
    expect(await screen.findByTestId('import-done')).toBeInTheDocument();
  });

  it('refuses a file over 20 MiB or of another type before sending it', async () => {
    const { callsTo } = serve('city_officer');
    renderApp('/imports');
    const user = userEvent.setup({ applyAccept: false });
    await screen.findByTestId('import-upload');
    const big = csv('全市企业.csv');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    await user.upload(dropzoneInput(), big);
    expect(await screen.findByTestId('import-upload-error')).toHaveTextContent('全市企业.csv 超过 20 MiB，不能上传');
    await user.upload(dropzoneInput(), new File(['x'], '旧表.xls', { type: 'application/vnd.ms-excel' }));
    await waitFor(() => expect(screen.getByTestId('import-upload-error')).toHaveTextContent('旧表.xls 不是 .xlsx 或 .csv 文件'));
    expect(callsTo('POST', '/api/v1/imports')).toHaveLength(0);
  });

  it("shows the server's refusal of a file where it was dropped", async () => {
    serve('city_officer', {
      'POST /api/v1/imports': apiError(422, 'validation_failed', '提交的数据有误', [{ field: 'file', message: '文件须为 .xlsx 或 .csv 表格' }]),
    });
    const { router } = renderApp('/imports');
    const user = userEvent.setup();
    await screen.findByTestId('import-upload');
    await user.upload(dropzoneInput(), csv('伪装.csv'));
    const error = await screen.findByTestId('import-upload-error');
    expect(error).toHaveTextContent('文件未能上传');
    expect(error).toHaveTextContent('提交的数据有误 文件须为 .xlsx 或 .csv 表格');
    expect(router.state.location.pathname).toBe('/imports');
  });

  it("lists the user's recent imports with their status, and a click reopens one", async () => {
    const invalid = anImport({ id: 4, filename: '企业-有错.xlsx', status: 'invalid', total_rows: 10, processed_rows: 10, error_count: 2, errors: [rowError()] });
    serve('city_officer', { 'GET /api/v1/imports/4': { body: invalid } }, [invalid, older]);
    const { router } = renderApp('/imports');
    const user = userEvent.setup();
    const row = await screen.findByTestId('import-row-4');
    expect(within(row).getByTestId('import-status')).toHaveTextContent('有错误');
    expect(row).toHaveTextContent('2 处错误');
    const done = screen.getByTestId('import-row-3');
    expect(within(done).getByTestId('import-status')).toHaveTextContent('已完成');
    expect(done).toHaveTextContent('年度数据');
    expect(done).toHaveTextContent('新增 30 · 更新 10');

    await user.click(within(row).getByText('有错误'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/4'));
    expect(await screen.findByTestId('import-filename')).toHaveTextContent('企业-有错.xlsx');
    expect(screen.getAllByTestId('import-error')).toHaveLength(1);
  });

  it("shows the 404 page for an import that is not the user's", async () => {
    serve('county_officer', { 'GET /api/v1/imports/9': apiError(404, 'not_found', '记录不存在') });
    renderApp('/imports/9');
    expect(await screen.findByTestId('page-404')).toBeInTheDocument();
  });

  it('says it in English', async () => {
    await i18n.changeLanguage('en-US');
    serve('city_officer', {
      'GET /api/v1/imports/5': {
        body: anImport({
          status: 'invalid',
          total_rows: 3,
          processed_rows: 3,
          error_count: 1,
          errors: [rowError({ header: 'Credit code', message: 'The check character is wrong' })],
        }),
      },
    });
    renderApp('/imports/5');
    expect(await screen.findByTestId('import-invalid-title')).toHaveTextContent('1 problem found; nothing was written · Rows with problems: 1');
    expect(screen.getByTestId('import-error-column')).toHaveTextContent('Credit code');
    expect(within(screen.getByTestId('import-panel')).getByTestId('import-status')).toHaveTextContent('Has errors');
    fireEvent.click(screen.getByTestId('import-new'));
    expect(await screen.findByTestId('import-upload')).toHaveTextContent('Click to choose a file, or drag it here');
  });
});
