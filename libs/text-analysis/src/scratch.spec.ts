import { it } from 'vitest';
import { analyze, analyzeQuery } from './index.js';
it('prints', () => {
for (const s of ['Президент России Владимир Путин и глава США', 'Санкт-Петербург северо-запад New York-based', 'U.S. officials, 11.11.2017 1,5 млн', 'Pоссия заме́ток ёлка', 'Trump’s meeting https://ria.ru/20250815/putin-2035410603.html mail@ria.ru']) console.log(analyze(s).map(t=>`${t.term}${t.stop?'*':''}${t.compound?'+':''}@${t.position}[${t.surface}]`).join(' '));
console.log(JSON.stringify(analyzeQuery('путин -трамп "в Сирии" -«Белый дом» северо-запад')));
});
