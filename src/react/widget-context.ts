import { createContext } from 'react';
import type { WidgetStore } from './widget-store';

/** The store of the nearest <ChatWidget> above, for the hooks in its children. */
export const WidgetContext = createContext<WidgetStore | null>(null);
