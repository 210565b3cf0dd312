/** The tabs of an enterprise's page, each its own linkable path under /enterprises/:id. */
export const ENTERPRISE_TABS = ['profile', 'facts', 'figures', 'self-check', 'qualifications'] as const;
export type EnterpriseTab = (typeof ENTERPRISE_TABS)[number];

export function isEnterpriseTab(v: string | undefined): v is EnterpriseTab {
  return v !== undefined && (ENTERPRISE_TABS as readonly string[]).includes(v);
}

/** enterpriseTabPath is the page of one tab (the profile is the enterprise's own path), with an optional query. */
export function enterpriseTabPath(id: number, tab: EnterpriseTab, query?: Record<string, string | number | undefined>): string {
  const base = tab === 'profile' ? `/enterprises/${id}` : `/enterprises/${id}/${tab}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
