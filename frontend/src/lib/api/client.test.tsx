import { act, screen, waitFor } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp, renderWithProviders } from '@/testing/render';
import i18n from '@/lib/i18n';
import { api, unwrap } from './client';
import { ApiError } from './errors';
import { fieldErrorText, fieldPath, handleApiError } from './handle-error';

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    mockApi({ 'GET /api/v1/auth/me': { body: meAs('admin') } });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).resolves.toMatchObject({ role: 'admin' });
  });

  it("throws an ApiError carrying the server's code, message and field errors", async () => {
    mockApi({
      'POST /api/v1/enterprises': apiError(422, 'validation_failed', '输入有误', [{ field: 'credit_code', message: '校验位错误' }]),
    });
    const call = unwrap(api.POST('/api/v1/enterprises', { body: { name: 'x', credit_code: 'x', region_code: 'x', industry_code: 'C34' } }));
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: '输入有误',
      fields: [{ field: 'credit_code', message: '校验位错误' }],
    });
  });

  it('reads Retry-After on a lockout', async () => {
    mockApi({
      'POST /api/v1/auth/login': { ...apiError(429, 'locked', 'locked for 15 minutes'), headers: { 'Retry-After': '900' } },
    });
    await expect(unwrap(api.POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } }))).rejects.toMatchObject({
      status: 429,
      code: 'locked',
      retryAfter: 900,
    });
  });

  it('turns a body that is not the envelope into a generic error of that status', async () => {
    mockApi({ 'GET /api/v1/auth/me': { status: 502, body: 'Bad gateway' } });
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('turns a failed fetch into a network error', async () => {
    const { fetchMock } = mockApi({});
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(unwrap(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('sends the UI language as Accept-Language', async () => {
    const { calls } = mockApi({ 'GET /api/v1/regions': referenceRoutes['GET /api/v1/regions'] });
    await unwrap(api.GET('/api/v1/regions'));
    await i18n.changeLanguage('en-US');
    await unwrap(api.GET('/api/v1/regions'));
    expect(calls.map((c) => c.headers.get('Accept-Language'))).toEqual(['zh-CN', 'en-US']);
  });
});

describe('handleApiError', () => {
  function FormHarness({ onReady }: { onReady: (form: FormInstance) => void }) {
    const [form] = Form.useForm();
    onReady(form);
    return (
      <Form form={form}>
        <Form.Item name="credit_code" label="code">
          <Input />
        </Form.Item>
        <Form.Item name="name" label="name">
          <Input />
        </Form.Item>
      </Form>
    );
  }

  it('puts field errors under their inputs, and the rest in a toast', async () => {
    let form!: FormInstance;
    renderWithProviders(<FormHarness onReady={(f) => (form = f)} />);
    const error = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'invalid',
      fields: [
        { field: 'credit_code', message: '统一社会信用代码校验位不正确' },
        { field: 'industry_code', message: '行业代码不存在' },
      ],
    });
    act(() => {
      expect(handleApiError(error, { form })).toBe(true);
    });
    expect(await screen.findByText('统一社会信用代码校验位不正确')).toBeInTheDocument();
    expect(form.getFieldError('credit_code')).toEqual(['统一社会信用代码校验位不正确']);
    expect(form.getFieldError('name')).toEqual([]);
    // A field the form has no input for is named in the UI's language, not by its API key.
    expect(await screen.findByText('所属行业：行业代码不存在')).toBeInTheDocument();
    expect(screen.queryByText(/industry_code/)).not.toBeInTheDocument();
  });

  it('names a refusal outside the form by its field, so a recommendation held by the notice reads as words, not `public_notice:`', async () => {
    let form!: FormInstance;
    renderWithProviders(<FormHarness onReady={(f) => (form = f)} />);
    const error = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: '输入有误，请检查标出的字段',
      fields: [{ field: 'public_notice', message: '有 1 条公示异议尚未处理' }],
    });
    act(() => {
      expect(handleApiError(error, { form })).toBe(false);
    });
    expect(await screen.findByText('公示：有 1 条公示异议尚未处理')).toBeInTheDocument();
    expect(screen.queryByText(/public_notice/)).not.toBeInTheDocument();
  });

  it('shows field errors in a toast when there is no form to put them under, each once', async () => {
    renderWithProviders(<div />);
    act(() => {
      handleApiError(
        new ApiError({
          status: 422,
          code: 'validation_failed',
          message: '输入有误，请检查标出的字段',
          fields: [
            { field: 'application_ids.1', message: '只能公示处于市级复审的申报' },
            { field: 'application_ids.1', message: '只能公示处于市级复审的申报' },
            { field: 'weird_internal_key', message: '格式不正确' },
          ],
        }),
      );
    });
    expect(await screen.findByText('申报名单第 2 项：只能公示处于市级复审的申报；格式不正确')).toBeInTheDocument();
  });
});

describe('fieldErrorText', () => {
  it('names a known field and the item of a list, and leaves an unknown key out, in both languages', async () => {
    expect(fieldErrorText({ field: 'public_notice', message: '推荐前须先经公示' })).toBe('公示：推荐前须先经公示');
    expect(fieldErrorText({ field: 'application_ids.0', message: '重复' })).toBe('申报名单第 1 项：重复');
    expect(fieldErrorText({ field: 'no_such_field', message: '格式不正确' })).toBe('格式不正确');
    await i18n.changeLanguage('en-US');
    expect(fieldErrorText({ field: 'public_notice', message: '1 objection(s) to it are unresolved' })).toBe('Public notice: 1 objection(s) to it are unresolved');
    expect(fieldErrorText({ field: 'application_ids[2]', message: 'Appears more than once' })).toBe('Applications, item 3: Appears more than once');
    expect(fieldErrorText({ field: 'no_such_field', message: 'Invalid' })).toBe('Invalid');
  });

  it('finds nested and listed fields (ip.class1, awards[0].rank) under their inputs', async () => {
    let form!: FormInstance;
    function Nested({ onReady }: { onReady: (form: FormInstance) => void }) {
      const [f] = Form.useForm();
      onReady(f);
      return (
        <Form form={f} initialValues={{ awards: [{ rank: 0 }] }}>
          <Form.Item name={['ip', 'class1']} label="class1">
            <Input />
          </Form.Item>
          <Form.List name="awards">
            {(fields) =>
              fields.map((field) => (
                <Form.Item key={field.key} name={[field.name, 'rank']} label="rank">
                  <Input />
                </Form.Item>
              ))
            }
          </Form.List>
        </Form>
      );
    }
    renderWithProviders(<Nested onReady={(f) => (form = f)} />);
    const error = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'invalid',
      fields: [
        { field: 'ip.class1', message: '不能小于 0' },
        { field: 'awards[0].rank', message: '不能小于 1' },
      ],
    });
    act(() => {
      expect(handleApiError(error, { form })).toBe(true);
    });
    expect(await screen.findByText('不能小于 0')).toBeInTheDocument();
    expect(form.getFieldError(['ip', 'class1'])).toEqual(['不能小于 0']);
    expect(form.getFieldError(['awards', 0, 'rank'])).toEqual(['不能小于 1']);
    expect(fieldPath('honours[12].valid_from')).toEqual(['honours', 12, 'valid_from']);
    expect(fieldPath('credit_code')).toEqual(['credit_code']);
  });

  it("shows an error without fields as a toast of the server's message", async () => {
    renderWithProviders(<div />);
    act(() => {
      handleApiError(new ApiError({ status: 409, code: 'duplicate', message: '该信用代码已登记' }));
    });
    expect(await screen.findByText('该信用代码已登记')).toBeInTheDocument();
  });
});

describe('401 on any call', () => {
  it('sends the user to the sign-in page, remembering where they were going', async () => {
    let meCalls = 0;
    mockApi({
      ...referenceRoutes,
      // Signed in at first; the session then expires before the list loads.
      'GET /api/v1/auth/me': () => (meCalls++ === 0 ? { body: meAs('city_officer') } : apiError(401, 'unauthenticated', 'no session')),
      'GET /api/v1/enterprises': apiError(401, 'unauthenticated', '请先登录'),
    });
    const { router } = renderApp('/enterprises?q=%E6%8F%AD%E9%98%B3');
    expect(await screen.findByTestId('login-form')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(new URLSearchParams(router.state.location.search).get('redirect')).toBe('/enterprises?q=%E6%8F%AD%E9%98%B3');
  });

  it('does not leave the sign-in form when the credentials are wrong', async () => {
    mockApi({
      'GET /api/v1/auth/me': apiError(401, 'unauthenticated', 'no session'),
      'POST /api/v1/auth/login': apiError(401, 'invalid_credentials', '用户名或密码错误'),
    });
    const { router } = renderApp('/login');
    await screen.findByTestId('login-form');
    expect(router.state.location.pathname).toBe('/login');
  });
});

describe('pages for 403 and 404', () => {
  it('shows the 404 page for a record outside the caller scope', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise') },
      'GET /api/v1/enterprises/99': apiError(404, 'not_found', 'not found'),
    });
    renderApp('/enterprises/99');
    expect(await screen.findByTestId('page-404')).toBeInTheDocument();
  });

  it('shows the 404 page for an unknown route', async () => {
    mockApi({ 'GET /api/v1/auth/me': { body: meAs('admin') } });
    renderApp('/no/such/page');
    expect(await screen.findByTestId('page-404')).toBeInTheDocument();
  });

  it('shows the 403 page to a role that may not open a page', async () => {
    mockApi({ 'GET /api/v1/auth/me': { body: meAs('leader') } });
    renderApp('/users');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
  });

  it('shows the 403 page when the server refuses a list', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('city_officer') },
      'GET /api/v1/audit-events': apiError(403, 'forbidden', 'forbidden'),
    });
    renderApp('/audit');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
  });

  it('lands a signed-in user on the first item of its menu', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('county_officer') },
      'GET /api/v1/enterprises': { body: page([]) },
    });
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises'));
  });
});
