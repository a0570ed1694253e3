// `#/role/:slug`: a job's profile, its career ladder drawn by the API,
// and the jobs it leads to.

import { gql, pick } from '../api.js';
import { bar } from '../charts.js';
import { h, replace } from '../dom.js';
import { compareHref, graphHref, href, roleHref } from '../links.js';
import { graphFigure } from '../picture.js';
import { chip, failure, jobLink, loading, note, pageHeading, prose, section } from '../ui.js';

const PROFILE = `query RoleProfile($slug: String!) {
  job(slug: $slug) {
    id slug name title hasGuide category tags description
    skills { order description skill { id name kind } }
    tools { weight tool { id name } }
    duties { order title description }
    stages { id order name responsibilities }
    relatedBy(first: 20) { totalCount nodes { id slug name hasGuide } }
    reachedFrom(first: 20) { totalCount nodes { id name job { id slug name hasGuide } } }
  }
}`;

const NEIGHBOURS = `query RoleNeighbours($slug: String!) {
  careerPath(slug: $slug) { nextJobs { slug name hasGuide } }
  relatedJobs(slug: $slug, first: 8) { job { slug name hasGuide } score explicit }
}`;

const LADDER = `query RoleLadder($slug: String!, $lang: String) {
  careerPath(slug: $slug) {
    picture(lang: $lang)
    stages { id name }
    nextJobs { id slug name }
  }
}`;

/**
 * The nodes and edges a ladder picture draws, as the figure's legend and
 * links want them: the rungs, the roles they lead to, the rungs of other
 * roles that lead here, and the edges the picture marks.
 */
function ladderParts(path, job, svg) {
  // The role itself comes first, as the figure's centre; it is drawn only
  // when it has no ladder.
  const nodes = [
    { id: job.id, kind: 'JOB', label: job.name },
    ...path.stages.map((stage) => ({ id: stage.id, kind: 'CAREER_STAGE', label: stage.name })),
    ...path.nextJobs.map((next) => ({ id: next.id, kind: 'JOB', label: next.name })),
    ...job.reachedFrom.nodes.map((stage) => ({ id: stage.id, kind: 'CAREER_STAGE', label: stage.name })),
  ];
  const edges = [...svg.matchAll(/data-edge-kind="([A-Z_]+)"/g)].map(([, kind]) => ({ kind }));
  return { nodes, edges };
}

export default {
  nav: 'home',
  title: (route) => route.segments[0] ?? '職種',
  async render(main, route, context) {
    const slug = route.segments[0];
    if (!slug) {
      location.replace('#/');
      return;
    }
    replace(main, loading('職種を読み込み中…'));
    const { signal } = context;
    // The three questions go out at once, and the page is put up once all
    // have answered: a section that arrived later would push everything
    // under it down as it grew from a loading line to its picture. Each
    // still fails alone, in its own place.
    const neighbours = gql(NEIGHBOURS, { slug }, { signal });
    const ladder = gql(LADDER, { slug }, { signal });
    neighbours.catch(() => {});
    ladder.catch(() => {});
    const { data } = await gql(PROFILE, { slug }, { signal });
    const job = data.job;
    if (!job) {
      context.setTitle('職種が見つかりません');
      replace(main, pageHeading('職種が見つかりません'),
        note(`「${slug}」という職種はグラフにありません。`, h('a', { href: '#/' }, '職種一覧'), 'から選ぶか、検索してください。'));
      return;
    }
    context.setTitle(job.name);
    const ladderSlot = h('div', { class: 'slot' });
    const nextSlot = h('div', { class: 'slot' });
    const relatedSlot = h('div', { class: 'slot' });
    await Promise.all([
      fillLadder(ladderSlot, ladder, job),
      fillNeighbours(nextSlot, relatedSlot, neighbours, job),
    ]);
    const hard = job.skills.filter((entry) => entry.skill.kind === 'HARD');
    const soft = job.skills.filter((entry) => entry.skill.kind === 'SOFT');
    replace(main,
      h('header', { class: 'profile-head' },
        h('p', { class: 'eyebrow' }, '職種', job.category ? ` · ${job.category}` : ''),
        pageHeading(job.name),
        job.title && job.title !== job.name ? h('p', { class: 'profile-head__title' }, job.title) : null,
        job.tags.length ? h('ul', { class: 'chips chips--small', 'aria-label': 'タグ' }, job.tags.map((tag) => h('li', null, chip(tag)))) : null,
        h('p', { class: 'actions' },
          h('a', { class: 'button', href: href(['compare', job.slug]) }, 'ほかの職種とくらべる'),
          h('a', { class: 'button button--ghost', href: graphHref(job.id) }, 'グラフでまわりを見る'))),
      job.hasGuide ? null : note('この職種を説明するガイドはまだありません。ほかのガイドの関連職種やキャリアの行き先として登場します。'),
      job.description ? section('概要', { id: 'overview' }, prose(job.description, { clamp: 320 })) : null,
      section(job.stages.length ? 'キャリアラダー' : '職種のつながり', {
        id: 'ladder',
        lead: job.stages.length
          ? '上から下へ、段階を追って進みます。図の箱を選ぶと、その職種やノードへ移ります。'
          : 'この職種の段階はガイドにありません。つながる職種とその段階を描きます。',
        className: 'ladder',
      },
        h('div', { class: 'ladder__body' },
          ladderSlot,
          job.stages.length ? stageList(job.stages) : null)),
      h('div', { class: 'columns' },
        section('次に目指せる職種', { id: 'next-jobs' }, nextSlot),
        section('関連する職種', { id: 'related-jobs', lead: 'スキル・ツール・タグの近さと、ガイドの関連職種の指定から。' }, relatedSlot),
        job.reachedFrom.totalCount || job.relatedBy.totalCount ? section('この職種へ来る道', { id: 'reached-from' },
          h('ul', { class: 'link-list' },
            job.reachedFrom.nodes.map((stage) => h('li', null, jobLink(stage.job), h('span', { class: 'muted small' }, ` の「${stage.name}」から`))),
            job.relatedBy.nodes.map((other) => h('li', null, jobLink(other), h('span', { class: 'muted small' }, ' の関連職種として')))),
          moreThanShown(job.reachedFrom, job.relatedBy)) : null),
      job.skills.length ? section('スキル', { id: 'skills' },
        h('div', { class: 'columns' },
          skillList('技術スキル', hard),
          skillList('ヒューマンスキル', soft))) : null,
      job.tools.length ? section('ツール', { id: 'tools', lead: '重みはガイドでの扱いの合計です: ツール表 1.0、タグ 0.5、スキルの説明 1 件 0.5、本文での言及 1 回 0.1（言及は 1.0 まで）。' },
        toolBars(job.tools)) : null,
      job.duties.length ? section('主な業務', { id: 'duties' },
        h('ol', { class: 'duties' }, job.duties.map((duty) => h('li', null,
          h('h3', null, duty.title),
          prose(duty.description, { clamp: 160 }))))) : null);
  },
};

/** Puts the ladder picture answered by `answer` in `slot`, or what went wrong. */
async function fillLadder(slot, answer, job) {
  try {
    const path = pick(await answer, 'careerPath');
    const { nodes, edges } = ladderParts(path, job, path.picture);
    replace(slot, graphFigure(path.picture, nodes, edges, {
      caption: `${job.name} の段階と、つながる職種`,
      label: `${job.name} のキャリアラダーの図`,
      linkFor: (node) => (node.kind === 'JOB' ? roleHref(node.id.slice(4)) : graphHref(node.id)),
    }));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(slot, failure(error));
  }
}

/** Puts the roles `job` leads to and the related roles in their slots, or what went wrong. */
async function fillNeighbours(nextSlot, relatedSlot, answer, job) {
  try {
    const { data: found } = await answer;
    const next = found.careerPath.nextJobs;
    replace(nextSlot, next.length
      ? h('ul', { class: 'link-list link-list--cards' }, next.map((other) => h('li', null, jobLink(other, { class: 'related-link' }))))
      : h('p', { class: 'muted' }, 'ガイドに行き先の記載はありません。'));
    replace(relatedSlot, found.relatedJobs.length
      ? h('ul', { class: 'related' }, found.relatedJobs.map((entry) => h('li', null,
        h('div', { class: 'related__head' },
          jobLink(entry.job, { class: 'related-link' }),
          entry.explicit ? h('span', { class: 'badge badge--explicit' }, 'ガイドで指定') : null,
          h('a', { class: 'small', href: compareHref(job.slug, entry.job.slug) }, 'くらべる')),
        bar('近さ', entry.score, { tone: 'accent' }))))
      : h('p', { class: 'muted' }, '関連する職種は見つかりませんでした。'));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(nextSlot, failure(error));
    replace(relatedSlot, '');
  }
}

function stageList(stages) {
  return h('ol', { class: 'stages', 'aria-label': '段階の一覧' }, stages.map((stage) => h('li', { class: 'stage' },
    h('span', { class: 'stage__order', 'aria-hidden': 'true' }, String(stage.order)),
    h('div', null,
      h('p', { class: 'stage__name' }, h('a', { href: graphHref(stage.id) }, stage.name)),
      stage.responsibilities ? h('details', { class: 'stage__more' }, h('summary', null, '役割と責任'), prose(stage.responsibilities)) : null))));
}

function skillList(title, entries) {
  return h('div', null,
    h('h3', { class: 'subhead' }, title, h('span', { class: 'count' }, String(entries.length))),
    entries.length
      ? h('ul', { class: 'skills' }, entries.map((entry) => h('li', null,
        h('a', { class: 'skills__name', href: graphHref(entry.skill.id) }, entry.skill.name),
        entry.description ? h('p', { class: 'skills__text' }, entry.description) : null)))
      : h('p', { class: 'muted' }, 'なし'));
}

function toolBars(tools) {
  // Weights add up past 1 (a table listing, a tag and mentions), so the
  // bars are drawn against the heaviest tool of this job.
  const heaviest = Math.max(...tools.map((entry) => entry.weight), 1);
  const row = (entry) => h('li', null, h('a', { href: graphHref(entry.tool.id), class: 'tool-bar' },
    bar(entry.tool.name, entry.weight / heaviest, { tone: 'tool', format: () => entry.weight.toFixed(1) })));
  const top = tools.slice(0, 15);
  const rest = tools.slice(15);
  return h('div', null,
    h('ul', { class: 'tool-bars' }, top.map(row)),
    rest.length ? h('details', { class: 'more' }, h('summary', null, `残り ${rest.length} 件を表示`), h('ul', { class: 'tool-bars' }, rest.map(row))) : null);
}

/** A note that `connections` hold more than their first page shows. */
function moreThanShown(...connections) {
  const hidden = connections.reduce((sum, page) => sum + page.totalCount - page.nodes.length, 0);
  return hidden > 0 ? h('p', { class: 'muted small' }, `ほか ${hidden} 件`) : null;
}
