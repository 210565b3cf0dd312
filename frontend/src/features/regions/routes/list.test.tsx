import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page, referenceRoutes, regions } from '@/testing/fixtures';
import { apiError, mockApi, type MockReply } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

/** fieldItem is the form item around an input: its label, the input and the errors under it. */
const fieldItem = (input: HTMLElement) => input.closest('.ant-form-item') as HTMLElement;

async function chooseKind(dialog: HTMLElement, label: string) {
  fireEvent.mouseDown(within(within(dialog).getByTestId('region-kind')).getByRole('combobox'));
  await userEvent.setup().click(await screen.findByTitle(label));
}

describe('regions page', () => {
  it('lists the regions with their kinds', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs('admin') } });
    renderApp('/regions');
    const table = await screen.findByTestId('regions-table');
    const row = (await within(table).findByText('445281')).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['445281', '普宁市', 'Puning City', '县级市', '5', '编辑']);
    expect(within(table).getByText('榕城区')).toBeInTheDocument();
    expect(within(table).getByText('市辖区')).toBeInTheDocument();
  });

  it.each<[string, MockReply, string]>([
    ['409 duplicate', apiError(409, 'duplicate', '记录已存在', [{ field: 'code', message: '该区域代码已存在' }]), '该区域代码已存在'],
    ['422 validation_failed', apiError(422, 'validation_failed', '输入有误', [{ field: 'code', message: '格式不正确' }]), '格式不正确'],
  ])('shows a %s under the code', async (_, reply, message) => {
    const { callsTo } = mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs('admin') }, 'POST /api/v1/regions': reply });
    renderApp('/regions');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-region'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('区域代码'), '445202');
    await user.type(within(dialog).getByLabelText('名称'), '榕城区');
    await chooseKind(dialog, '市辖区');
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));

    await waitFor(() => expect(fieldItem(within(dialog).getByLabelText('区域代码'))).toHaveTextContent(message));
    expect(callsTo('POST', '/api/v1/regions')).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('creates a region after the last and refreshes the regions everyone picks from', async () => {
    const created = { code: '441302', name: '惠城区', name_en: 'Huicheng District', kind: 'district', order: 6 };
    let stored = [...regions];
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/regions': () => ({ body: page(stored) }),
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'POST /api/v1/regions': ({ body }) => ((stored = [...stored, created as (typeof regions)[number]]), { status: 201, body }),
    });
    renderApp('/regions');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-region'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    expect(await within(dialog).findAllByText('此项为必填项')).toHaveLength(3);

    await user.type(within(dialog).getByLabelText('区域代码'), '44-13');
    expect(await within(dialog).findByText('区域代码应为 4–12 位字母或数字')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('区域代码'));
    await user.type(within(dialog).getByLabelText('区域代码'), ' 441302');
    await user.type(within(dialog).getByLabelText('名称'), '惠城区');
    await user.type(within(dialog).getByLabelText('英文名称'), 'Huicheng District');
    await chooseKind(dialog, '市辖区');
    expect(within(dialog).getByLabelText('排序')).toHaveValue('6');
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));

    await waitFor(() => expect(callsTo('POST', '/api/v1/regions')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/regions')[0]?.body).toEqual(created);
    expect(await within(await screen.findByTestId('regions-table')).findByText('惠城区')).toBeInTheDocument();
    expect(callsTo('GET', '/api/v1/regions').length).toBeGreaterThanOrEqual(2);
  });

  it('edits a region with its code fixed, sending only what changed', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'PATCH /api/v1/regions/445281': ({ body }) => ({ body: { ...regions[1], ...(body as object) } }),
    });
    renderApp('/regions');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('edit-region-445281'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('编辑区域：普宁市')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('区域代码')).toBeDisabled();
    expect(within(dialog).getByLabelText('区域代码')).toHaveValue('445281');

    await user.clear(within(dialog).getByLabelText('英文名称'));
    await user.type(within(dialog).getByLabelText('英文名称'), 'Puning');
    await user.clear(within(dialog).getByLabelText('排序'));
    await user.type(within(dialog).getByLabelText('排序'), '2');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(callsTo('PATCH', '/api/v1/regions/445281')).toHaveLength(1));
    expect(callsTo('PATCH', '/api/v1/regions/445281')[0]?.body).toEqual({ name_en: 'Puning', order: 2 });
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });
});
