// Every shipped dictionary, English (the widget's own defaultStrings) included, for the tests.
import { locales, type Locale } from '../../../src/locales/locales';
import { defaultStrings } from '../../../src/ui/later-strings';
import { type Strings } from '../../../src/ui/strings';

/** Each shipped locale's dictionary, as its module exports it. */
export async function loadLocales(): Promise<[Locale, Strings][]> {
  return Promise.all(
    locales.map(async (code): Promise<[Locale, Strings]> => {
      if (code == 'en') return [code, defaultStrings];
      const module = (await import(`../../../src/locales/${code}.ts`)) as Record<string, Strings>;
      return [code, module[code]!];
    }),
  );
}
