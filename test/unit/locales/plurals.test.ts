// Counts in each language's own plural forms, through `fmt` and the locale's `openUnread`.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/locales/locales';
import { fmt, type Strings } from '../../../src/ui/strings';
import { loadLocales } from './load-locales';

let dictionaries: Map<Locale, Strings>;
beforeAll(async () => void (dictionaries = new Map(await loadLocales())));

const unread = (code: Locale, count: number) => fmt(dictionaries.get(code)!.openUnread, { count }, code);

describe('plural forms', () => {
  it('English needs none: its message is plain text', () => {
    expect([1, 2].map((n) => unread('en', n))).toEqual(['Open chat, 1 unread', 'Open chat, 2 unread']);
  });

  it('German and the like: one and other', () => {
    expect([1, 2, 21].map((n) => unread('de', n))).toEqual([
      'Chat öffnen, 1 ungelesene Nachricht',
      'Chat öffnen, 2 ungelesene Nachrichten',
      'Chat öffnen, 21 ungelesene Nachrichten',
    ]);
    expect(unread('sv', 1)).toBe('Öppna chatten, 1 oläst meddelande');
    expect(unread('nl', 5)).toBe('Chat openen, 5 ongelezen berichten');
  });

  it('French and Portuguese count 0 and 1 as one; many for a million', () => {
    expect(unread('fr', 0)).toBe('Ouvrir le chat, 0 message non lu');
    expect(unread('fr', 2)).toBe('Ouvrir le chat, 2 messages non lus');
    expect(unread('fr', 1_000_000)).toBe('Ouvrir le chat, 1000000 de messages non lus');
    expect(unread('pt', 1)).toBe('Abrir o chat, 1 mensagem não lida');
    expect(unread('es', 1)).toBe('Abrir chat, 1 mensaje sin leer');
  });

  it('Polish: one, few (2–4, 22–24…) and many (5–21, 25…)', () => {
    expect([1, 2, 4, 5, 12, 21, 22, 25].map((n) => unread('pl', n).replace('Otwórz czat, ', ''))).toEqual([
      '1 nieprzeczytana wiadomość',
      '2 nieprzeczytane wiadomości',
      '4 nieprzeczytane wiadomości',
      '5 nieprzeczytanych wiadomości',
      '12 nieprzeczytanych wiadomości',
      '21 nieprzeczytanych wiadomości',
      '22 nieprzeczytane wiadomości',
      '25 nieprzeczytanych wiadomości',
    ]);
  });

  it('Russian and Ukrainian: one (1, 21, 101…), few (2–4, 22…) and many (5–20, 11…)', () => {
    expect([1, 3, 5, 11, 21, 22].map((n) => unread('ru', n).replace('Открыть чат, ', ''))).toEqual([
      '1 непрочитанное сообщение',
      '3 непрочитанных сообщения',
      '5 непрочитанных сообщений',
      '11 непрочитанных сообщений',
      '21 непрочитанное сообщение',
      '22 непрочитанных сообщения',
    ]);
    expect([1, 2, 5, 101].map((n) => unread('uk', n).replace('Відкрити чат, ', ''))).toEqual([
      '1 непрочитане повідомлення',
      '2 непрочитані повідомлення',
      '5 непрочитаних повідомлень',
      '101 непрочитане повідомлення',
    ]);
  });

  it('Arabic: zero, one, two, few (3–10), many (11–99) and other (100…)', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((n) => unread('ar', n).replace('فتح المحادثة، ', ''))).toEqual([
      'لا رسائل غير مقروءة',
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      '3 رسائل غير مقروءة',
      '10 رسائل غير مقروءة',
      '11 رسالة غير مقروءة',
      '99 رسالة غير مقروءة',
      '100 رسالة غير مقروءة',
    ]);
  });

  it('Hebrew: one, two and other', () => {
    expect([1, 2, 3].map((n) => unread('he', n).replace('פתיחת הצ׳אט, ', ''))).toEqual([
      'הודעה אחת שלא נקראה',
      'שתי הודעות שלא נקראו',
      '3 הודעות שלא נקראו',
    ]);
  });

  it('Japanese, Chinese and Korean: one form for every count', () => {
    expect([1, 2].map((n) => unread('ja', n))).toEqual(['チャットを開く（未読1件）', 'チャットを開く（未読2件）']);
    expect(unread('zh', 1)).toBe('打开聊天，1 条未读消息');
    expect(unread('ko', 3)).toBe('채팅 열기, 읽지 않은 메시지 3개');
  });
});
