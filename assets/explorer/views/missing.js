// A hash that names no view.

import { h, replace } from '../dom.js';
import { pageHeading } from '../ui.js';

export default {
  nav: null,
  title: () => 'ページが見つかりません',
  async render(main) {
    replace(main,
      pageHeading('ページが見つかりません'),
      h('p', null, 'このアドレスに当たるビューはありません。'),
      h('p', null, h('a', { href: '#/' }, '職種一覧へ戻る')));
  },
};
