import { cookieValue } from './queue-dashboard-cookie';
import { crossSiteProblem } from './queue-dashboard.gate';

describe('crossSiteProblem (changes through the queue dashboard come from its own page only)', () => {
  it('lets through what the browser says is same-origin, whatever Origin says', () => {
    expect(crossSiteProblem({ secFetchSite: 'same-origin', origin: 'https://desk.example', host: 'desk.example' })).toBeNull();
    expect(crossSiteProblem({ secFetchSite: 'same-origin' })).toBeNull();
  });

  it.each(['cross-site', 'same-site', 'none', ''])('refuses Sec-Fetch-Site %p, even with an Origin of this host', (site) => {
    expect(crossSiteProblem({ secFetchSite: site, origin: 'https://desk.example', host: 'desk.example' })).toMatch(/Sec-Fetch-Site/);
  });

  it('falls back on Origin without Sec-Fetch-Site: this host and port only', () => {
    expect(crossSiteProblem({ origin: 'https://desk.example', host: 'desk.example' })).toBeNull();
    expect(crossSiteProblem({ origin: 'http://desk.example:3000', host: 'desk.example:3000' })).toBeNull();
    expect(crossSiteProblem({ origin: 'http://desk.example:3001', host: 'desk.example:3000' })).toMatch(/not this host/);
    expect(crossSiteProblem({ origin: 'https://evil.example', host: 'desk.example' })).toMatch(/not this host/);
    expect(crossSiteProblem({ origin: 'https://desk.example.evil.example', host: 'desk.example' })).toMatch(/not this host/);
    expect(crossSiteProblem({ origin: 'https://desk.example' })).toMatch(/not this host/);
  });

  it('refuses a request that names no origin, or one that is not an origin', () => {
    expect(crossSiteProblem({ host: 'desk.example' })).toMatch(/names no Origin/);
    expect(crossSiteProblem({ origin: 'null', host: 'desk.example' })).toMatch(/not an origin/);
  });
});

describe('cookieValue', () => {
  it('finds the named cookie among others, exactly by name', () => {
    expect(cookieValue('a=1; staffing_queue_dashboard=x.y.z; b=2', 'staffing_queue_dashboard')).toBe('x.y.z');
    expect(cookieValue('xstaffing_queue_dashboard=1;staffing_queue_dashboard=2', 'staffing_queue_dashboard')).toBe('2');
    expect(cookieValue('staffing_queue_dashboard="quoted"', 'staffing_queue_dashboard')).toBe('quoted');
    expect(cookieValue('staffing_queue_dashboard=a%20b', 'staffing_queue_dashboard')).toBe('a b');
  });

  it('is undefined when the cookie is absent or cannot be decoded', () => {
    expect(cookieValue(undefined, 'staffing_queue_dashboard')).toBeUndefined();
    expect(cookieValue('', 'staffing_queue_dashboard')).toBeUndefined();
    expect(cookieValue('other=1', 'staffing_queue_dashboard')).toBeUndefined();
    expect(cookieValue('staffing_queue_dashboard=%E0%A4%A', 'staffing_queue_dashboard')).toBeUndefined();
  });
});
