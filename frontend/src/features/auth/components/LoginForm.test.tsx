import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { meAs } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp, renderWithProviders } from '@/testing/render';
import { LoginForm } from './LoginForm';

async function signIn(username = 'city', password = 'demo-pass-2024') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('用户名'), username);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByTestId('login-submit'));
}

describe('LoginForm', () => {
  it('signs in and hands over the user', async () => {
    const { calls } = mockApi({ 'POST /api/v1/auth/login': { body: meAs('city_officer') } });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await signIn();
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ role: 'city_officer' });
    expect(calls[0]?.body).toEqual({ username: 'city', password: 'demo-pass-2024' });
  });

  it("shows the server's message for wrong credentials", async () => {
    mockApi({ 'POST /api/v1/auth/login': apiError(401, 'invalid_credentials', '用户名或密码错误') });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await signIn('city', 'wrong');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名或密码错误');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("shows the server's lockout message on 429", async () => {
    mockApi({
      'POST /api/v1/auth/login': { ...apiError(429, 'locked', '登录失败次数过多，账号已锁定 15 分钟'), headers: { 'Retry-After': '900' } },
    });
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await signIn('city', 'wrong');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('登录失败次数过多，账号已锁定 15 分钟');
  });

  it('shows a pending account as the server words it', async () => {
    mockApi({ 'POST /api/v1/auth/login': apiError(403, 'account_pending', '账号正在等待审核') });
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await signIn('newco', 'demo-pass-2024');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('账号正在等待审核');
  });

  it('puts a field error under its input', async () => {
    mockApi({
      'POST /api/v1/auth/login': apiError(422, 'validation_failed', '输入有误', [{ field: 'username', message: '用户名过长' }]),
    });
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await signIn('x'.repeat(10), 'pw');
    expect(await screen.findByText('用户名过长')).toBeInTheDocument();
    expect(screen.queryByTestId('login-error')).not.toBeInTheDocument();
  });

  it('asks for both fields before calling the server', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await userEvent.setup().click(screen.getByTestId('login-submit'));
    expect(await screen.findAllByText('此项为必填项')).toHaveLength(2);
    expect(calls).toHaveLength(0);
  });
});

describe('sign-in page', () => {
  it('returns to the page the user was sent away from', async () => {
    let signedIn = false;
    mockApi({
      'GET /api/v1/auth/me': () => (signedIn ? { body: meAs('admin') } : apiError(401, 'unauthenticated', 'no session')),
      'POST /api/v1/auth/login': () => ((signedIn = true), { body: meAs('admin') }),
      'GET /api/v1/users': { body: { items: [], total: 0, page: 1, page_size: 20 } },
      'GET /api/v1/regions': { body: { items: [], total: 0, page: 1, page_size: 20 } },
    });
    const { router } = renderApp('/login?redirect=%2Fusers%3Frole%3Dleader');
    await screen.findByTestId('login-form');
    await signIn('admin');
    await waitFor(() => expect(router.state.location.pathname).toBe('/users'));
    expect(router.state.location.search).toBe('?role=leader');
  });

  it('never redirects to another origin', async () => {
    mockApi({
      'GET /api/v1/auth/me': apiError(401, 'unauthenticated', 'no session'),
      'POST /api/v1/auth/login': { body: meAs('leader') },
    });
    const { router } = renderApp('/login?redirect=%2F%2Fevil.example');
    await screen.findByTestId('login-form');
    await signIn('leader');
    // The leader's own landing page instead.
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
  });
});
