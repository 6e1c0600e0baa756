import { expect, test } from '@playwright/test';
import { targetUrlWithFaults } from '../../../harness/collect/target-url-with-faults.ts';
import { readAppConfig } from '../../../reference/app/src/app-config.ts';

const APP = 'http://127.0.0.1:4173/';

test('embedded: the run faults become the ?faults= query, URL-encoded, and the app reads them back verbatim', () => {
  const url = targetUrlWithFaults(APP, 'heap-leak:5,ttfr-growth:300', true);
  expect(url).toBe('http://127.0.0.1:4173/?faults=heap-leak%3A5%2Cttfr-growth%3A300');
  expect(new URL(url).searchParams.get('faults')).toBe('heap-leak:5,ttfr-growth:300');
  expect(readAppConfig(url).faults).toBe('heap-leak:5,ttfr-growth:300');
});

test('embedded: blanks around and between faults are trimmed and empty entries dropped', () => {
  const url = targetUrlWithFaults(APP, ' heap-leak:5 , ,ttfr-growth:300,', true);
  expect(new URL(url).searchParams.get('faults')).toBe('heap-leak:5,ttfr-growth:300');
});

test('embedded: other query parameters, the path and the hash are kept', () => {
  const url = new URL(targetUrlWithFaults('http://127.0.0.1:4173/app/index.html?dialect=beta&ws=ws://127.0.0.1:9/rt#panel', 'audio-backlog', true));
  expect(url.pathname).toBe('/app/index.html');
  expect(url.hash).toBe('#panel');
  expect([...url.searchParams]).toEqual([
    ['dialect', 'beta'],
    ['ws', 'ws://127.0.0.1:9/rt'],
    ['faults', 'audio-backlog'],
  ]);
  const config = readAppConfig(url.toString());
  expect(config).toMatchObject({ dialect: 'beta', wsUrl: 'ws://127.0.0.1:9/rt', faults: 'audio-backlog' });
});

test('embedded: faults already on the URL are kept first, the run faults appended, exact duplicates not repeated', () => {
  const url = targetUrlWithFaults(`${APP}?faults=audio-backlog,heap-leak:5&dialect=ga`, 'heap-leak:5,slow-handler:5500', true);
  const params = new URL(url).searchParams;
  expect(params.getAll('faults')).toEqual(['audio-backlog,heap-leak:5,slow-handler:5500']);
  expect(params.get('dialect')).toBe('ga');
  // The URL's faults keep their place: the run's faults are merged in, not swapped in.
  expect(url.indexOf('faults=')).toBeLessThan(url.indexOf('dialect='));
});

test('embedded: an empty (or blank) fault spec leaves the URL untouched, byte for byte', () => {
  // Not re-serialised through URL: an unencoded query and a missing trailing slash survive as typed.
  const typed = 'http://127.0.0.1:4173?ws=ws://127.0.0.1:9/rt&x=a b';
  expect(targetUrlWithFaults(typed, '', true)).toBe(typed);
  expect(targetUrlWithFaults(typed, ' , ,', true)).toBe(typed);
  expect(targetUrlWithFaults(`${APP}?faults=audio-backlog`, '', true)).toBe(`${APP}?faults=audio-backlog`);
});

test('external target: the URL is never changed, whatever the faults', () => {
  const external = 'https://voice.example.test/app?session=1';
  expect(targetUrlWithFaults(external, 'heap-leak:5,ttfr-growth:300', false)).toBe(external);
  expect(targetUrlWithFaults(`${external}&faults=x`, 'heap-leak:5', false)).toBe(`${external}&faults=x`);
});
