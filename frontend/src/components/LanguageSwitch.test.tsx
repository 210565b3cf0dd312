import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n, { detectLanguage, LANGUAGE_STORAGE_KEY, matchLanguage } from '@/lib/i18n';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

async function choose(label: string) {
  fireEvent.mouseDown(within(screen.getByTestId('language-switch')).getByRole('combobox'));
  await userEvent.setup().click(await screen.findByTestId(`language-option-${label}`));
}

describe('language switch', () => {
  it('switches the UI (and antd) to English and remembers it', async () => {
    const { calls } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'GET /api/v1/enterprises': { body: page([]) },
    });
    renderApp('/enterprises');
    expect(await screen.findByTestId('nav-enterprises')).toHaveTextContent('企业库');

    await choose('en-US');
    await waitFor(() => expect(screen.getByTestId('nav-enterprises')).toHaveTextContent('Enterprises'));
    expect(screen.getByTestId('nav-audit')).toHaveTextContent('Audit log');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
    // antd's own texts follow (the empty table).
    expect(screen.getAllByText('No data').length).toBeGreaterThan(0);
    // The list is fetched again in the new language, for the server's names and messages.
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/enterprises').at(-1)?.headers.get('Accept-Language')).toBe('en-US'));

    await choose('zh-CN');
    await waitFor(() => expect(screen.getByTestId('nav-enterprises')).toHaveTextContent('企业库'));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });

  it('is on the sign-in page too', async () => {
    mockApi({ 'GET /api/v1/auth/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } } });
    renderApp('/login');
    expect(await screen.findByTestId('login-submit')).toHaveTextContent('登 录');
    await choose('en-US');
    await waitFor(() => expect(screen.getByTestId('login-submit')).toHaveTextContent('Sign in'));
  });
});

describe('detectLanguage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    void i18n.changeLanguage('zh-CN');
  });

  it('prefers the remembered choice', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en-US');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    expect(detectLanguage()).toBe('en-US');
  });

  it("follows the browser's language", () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'zh-CN']);
    expect(detectLanguage()).toBe('en-US');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-TW']);
    expect(detectLanguage()).toBe('zh-CN');
  });

  it('falls back to zh-CN for a language it does not speak', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'de']);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-FR');
    expect(detectLanguage()).toBe('zh-CN');
  });

  it('ignores a remembered value it does not know', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja']);
    expect(detectLanguage()).toBe('zh-CN');
  });

  it('matches tags loosely', () => {
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('EN')).toBe('en-US');
    expect(matchLanguage('ja-JP')).toBeUndefined();
  });
});
