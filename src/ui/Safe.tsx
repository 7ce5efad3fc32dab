import { Component, type ComponentChildren } from 'preact';
import { UnknownEvent } from './UnknownEvent';

/**
 * An error boundary around one event: if a malformed event makes its renderer throw, that event
 * shows the neutral notice and the rest of the chat keeps working.
 */
export class Safe extends Component<{ children: ComponentChildren }, { failed?: boolean }> {
  override componentDidCatch() {
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? <UnknownEvent /> : this.props.children;
  }
}
