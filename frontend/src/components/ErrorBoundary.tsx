import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { ErrorPage, QueryErrorPage } from './ErrorPages';

type Props = { children: ReactNode };
type State = { failed: boolean };

/** AppErrorBoundary catches what escapes the router, so the user never sees a blank page. */
export class AppErrorBoundary extends Component<Props, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    return this.state.failed ? <ErrorPage /> : this.props.children;
  }
}

/** RouteErrorElement is the router's errorElement: a render or loader error inside a route. */
export function RouteErrorElement() {
  const error = useRouteError();
  console.error(error);
  return <QueryErrorPage error={error} />;
}
