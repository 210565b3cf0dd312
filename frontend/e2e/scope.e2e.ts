import { describe, expect, it } from 'vitest';
import { apiAs, signIn, useBrowser } from './support';

describe('scope', () => {
  const b = useBrowser('scope');

  it("shows the 404 page to an enterprise user opening another enterprise's page", async () => {
    const api = await apiAs('enterprise2');
    const me = (await (await api.get('/api/v1/auth/me')).json()) as { enterprise_id: number | null };
    await api.dispose();
    expect(me.enterprise_id).toBeGreaterThan(0);

    const page = b.page();
    await signIn(page, 'enterprise');
    // Its own record opens.
    await page.getByTestId('enterprise-details').waitFor();
    const own = Number(new URL(page.url()).pathname.split('/').pop());
    expect(own).not.toBe(me.enterprise_id);

    await page.goto(`/enterprises/${me.enterprise_id}`);
    await page.getByTestId('page-404').waitFor();
    expect(await page.getByTestId('enterprise-details').count()).toBe(0);
  });

  it('shows the 404 page for an unknown route', async () => {
    const page = b.page();
    await page.goto('/no/such/page');
    await page.getByTestId('page-404').waitFor();
  });
});
