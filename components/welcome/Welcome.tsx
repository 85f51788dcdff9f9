import { BADGE_LEGEND } from '@/lib/tabs/badge';

interface Props {
  /** Which browser's steps come first. */
  browserName: 'chrome' | 'firefox';
  /** The panel as a page, for "Browse providers" (default: this extension's sidepanel.html). */
  browseUrl?: string;
}

const STEPS = {
  chrome: {
    name: 'Chrome',
    steps: [
      'Click the Extensions button (the puzzle piece) at the right of the toolbar.',
      'Click the pin next to Clinic Scout, so its button and badge stay in the toolbar.',
      'Click Clinic Scout’s button to open the side panel.',
    ],
  },
  firefox: {
    name: 'Firefox',
    steps: [
      'Clinic Scout’s button is already in the toolbar. If you moved it, right-click it in the Extensions menu and choose “Pin to Toolbar”.',
      'Click the button to open the sidebar, or choose View → Sidebar → Clinic Scout.',
    ],
  },
} as const;

/** The first-run page: what the badges mean, how to pin and open the panel, and the privacy promise. */
export function Welcome({ browserName, browseUrl = 'sidepanel.html?full#/browse' }: Props) {
  const order = browserName === 'firefox' ? (['firefox', 'chrome'] as const) : (['chrome', 'firefox'] as const);
  return (
    <main class="welcome">
      <h1 class="welcome__title">Welcome to Clinic Scout</h1>
      <p class="welcome__lead">
        When you visit a ketamine-therapy provider’s website, Clinic Scout shows sourced, dated facts about it — open or
        closed, prices, insurance, locations — in a side panel.
      </p>
      <p class="welcome__privacy">
        <strong>Private by design:</strong> everything stays on this device — no account, no tracking, nothing sent
        anywhere.
      </p>

      <section class="welcome__section" aria-labelledby="welcome-badges">
        <h2 id="welcome-badges">What the badge on the toolbar button means</h2>
        <ul class="welcome__legend">
          {BADGE_LEGEND.map((b) => (
            <li key={b.text} class="welcome__legend-item">
              <span class="welcome__badge" style={{ background: b.color }} aria-hidden="true">
                {b.text}
              </span>
              <span>
                <strong>{b.meaning}</strong>
                <span class="visually-hidden"> (badge “{b.text}”)</span>: {b.detail}
              </span>
            </li>
          ))}
        </ul>
        <p class="welcome__note">No badge: the site is not in the list. That says nothing good or bad about it.</p>
      </section>

      <section class="welcome__section" aria-labelledby="welcome-open">
        <h2 id="welcome-open">Pin the button and open the panel</h2>
        {order.map((key) => (
          <div key={key} class="welcome__browser">
            <h3>In {STEPS[key].name}</h3>
            <ol>
              {STEPS[key].steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </div>
        ))}
        <p>
          <a class="button" href={browseUrl}>
            Browse providers
          </a>
        </p>
      </section>

      <section class="welcome__section" aria-labelledby="welcome-advice">
        <h2 id="welcome-advice">Informs, does not advise</h2>
        <p>
          Clinic Scout informs; it does not give medical advice. Talk with your own clinician before deciding. Every cost
          is an estimate — confirm with the clinic.
        </p>
        <p class="crisis">
          In crisis or thinking about suicide? Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline, US),
          any time.
        </p>
      </section>
    </main>
  );
}
