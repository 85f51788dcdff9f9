/** Always visible: the extension informs and does not advise; and help for anyone in crisis. */
export function Disclaimer() {
  return (
    <footer class="disclaimer">
      <p>Clinic Scout informs; it does not give medical advice. Talk with your own clinician before deciding.</p>
      <p class="crisis">
        In crisis or thinking about suicide? Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline, US),
        any time.
      </p>
    </footer>
  );
}
