// The contract between the eager widget (launcher, commands, lifecycle) and the lazily loaded app
// chunk (client, chat store, UI). The eager side only imports these types, never the chunk itself.
import type { Tabs } from '../chat/tab-start';
import type { Locale } from '../locales/locales';
import type { ResolvedConfig } from './validate-config';
import type {
  CustomerData,
  CustomerInput,
  PageInfo,
  Visibility,
  WidgetEventName,
  WidgetEvents,
  WidgetGetters,
} from './types';

/** What the widget hands the app when it starts it. The app owns the visibility from then on. */
export interface AppContext {
  /** The widget's shadow root; the app renders into it. */
  root: ShadowRoot;
  /** Adds CSS to the shadow root; returns a remover. */
  addStyles(css: string): () => void;
  config: ResolvedConfig;
  /** The locale the widget chose (chooseLocale), and its chunk's texts (none for English, or when they failed to load). */
  locale: Locale;
  texts?: readonly string[] | undefined;
  visibility: Visibility;
  /** Text to pre-fill the message input with. */
  messageDraft?: string;
  /** What `set_customer_*` and `set_session_variables` set so far, over the config's `customer`. */
  customer: CustomerInput;
  /** The last page reported with `updatePage`; when set, the app does not track pages itself. */
  page?: PageInfo;
  /** Delivers a public event to the page's handlers; the app reports every visibility change, whoever made it. */
  emit<K extends WidgetEventName>(name: K, payload: WidgetEvents[K]): void;
  /** The launcher the app replaces had keyboard focus: move focus into the app's UI. */
  focus: boolean;
  /**
   * The app's UI is on the page (it renders a task after `startApp` returns): the widget's own
   * launcher goes only then, so the page never shows the chat without one.
   */
  mounted(): void;
  /** Where this tab stands among the visitor's tabs (`joinTabs`); `undefined`: it keeps a connection of its own. */
  tabs?: Tabs;
}

/** The running app, as the widget drives it. */
export interface AppHandle {
  setVisibility(visibility: Visibility, messageDraft?: string): void;
  /** New name, email or session variables (`fields`, replacing all of them). */
  setCustomer(patch: Pick<CustomerInput, 'name' | 'email' | 'fields'>): void;
  updatePage(page: PageInfo): void;
  /**
   * What only the app knows: the chat's ids, and the customer's id, status and whether they chatted
   * before. The widget adds what the page set (name, email, session variables), which it keeps too.
   */
  get<K extends 'customer_data' | 'chat_data'>(name: K): AppGetters[K];
  /** Closes the socket and removes everything the app added. */
  dispose(): void;
}

/** The getters' parts that the app answers. */
export interface AppGetters {
  customer_data: Pick<CustomerData, 'id' | 'isReturning' | 'status'>;
  chat_data: WidgetGetters['chat_data'];
}

/**
 * A built-in locale's chunk (`dist/chatlet-locale-<code>.mjs`): its texts in the order of English's keys.
 */
export interface LocaleModule {
  default: readonly string[];
}

/** The lazily loaded chunk's exports. */
export interface AppModule {
  startApp(context: AppContext): AppHandle;
  /** Finds this tab's place among the visitor's tabs; the widget awaits it before `startApp`. */
  joinTabs(config: Pick<ResolvedConfig, 'licenseId' | 'groupId'>): Promise<Tabs | undefined>;
}
