/**
 * Always visible and slim (two short lines at most): Clinic Scout informs and does not advise, and 988 is one
 * tap away for anyone in crisis. The longer wording opens on a tap (and is on the welcome page).
 */
export function Disclaimer() {
  return (
    <footer class="disclaimer">
      <div class="disclaimer__line">
        <details class="disclaimer__more">
          <summary>Informs, does not advise</summary>
          <p>
            Clinic Scout informs; it does not give medical advice. Talk with your own clinician before deciding. Costs are
            estimates — confirm with the clinic.
          </p>
          <p>
            988 is the Suicide &amp; Crisis Lifeline (US): call or text, free and confidential, any time.
          </p>
        </details>
        <p class="crisis">
          In crisis? Call or text <a href="tel:988">988</a>
        </p>
      </div>
    </footer>
  );
}
