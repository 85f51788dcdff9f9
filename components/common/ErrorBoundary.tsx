import { Component, Fragment, type ComponentChildren } from 'preact';

interface Props {
  /** The view's name as the tabs say it ("Shortlist"), shown in the message. */
  view?: string;
  children?: ComponentChildren;
}

interface State {
  failed: boolean;
  /** Bumped by "Try again" so the view is built afresh. */
  attempt: number;
}

/**
 * Around each view: if showing it throws, a plain message with "Try again" replaces it (never a blank
 * panel); the other views and the saved shortlists are unaffected.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static override getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For a bug report from the console; nothing leaves the device.
    console.error(`Clinic Scout: the ${this.props.view ?? ''} view failed`, error);
    if (!this.state.failed) this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
    return (
      <div class="notice notice--warn error-boundary" role="alert">
        <p class="error-boundary__title">
          <strong>Something went wrong showing this view{this.props.view ? ` (${this.props.view})` : ''}.</strong>
        </p>
        <p>Your saved shortlists are not affected.</p>
        <button type="button" class="button button--secondary" onClick={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))}>
          Try again
        </button>
      </div>
    );
  }
}
