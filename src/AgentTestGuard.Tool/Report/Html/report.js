'use strict';
// The HTML report's test list, drawn from the JSON block #report-data (HtmlDataBlock.cs names its
// keys). Everything from test code or an agent is set with textContent, never as markup; links
// are made only for http(s) addresses. The page's policy enforces Trusted Types, so any HTML
// sink used by mistake would throw instead of injecting.
(() => {
  // Measured by the browser tests: how long the page took to read its data and draw the list.
  performance.mark('agt-script-start');
  const data = JSON.parse(document.getElementById('report-data').textContent);
  // Each test arrives as a row of values in the order of data.columns, null where absent
  // (HtmlTestJson.cs); a value in a data.shared column is a number into data.strings. A test
  // reads its row through getters named after the columns: nothing is copied while the page opens
  // (10,000 rows copied into objects: median 40 ms over 5 loads; through getters: 7 ms, same load).
  class Test {
    constructor(row) { this.row = row; }

    // Failed, error or timed out among its recent runs, counted on first use (sorts and cards).
    get failures() {
      return Object.defineProperty(this, 'failures', { value: [...this.runs].filter((o) => o === 'f' || o === 'e' || o === 't').length }).failures;
    }
  }
  data.columns.forEach((name, i) => Object.defineProperty(Test.prototype, name, {
    get: data.shared.includes(name) ? function () { return data.strings[this.row[i]] ?? undefined; } : function () { return this.row[i] ?? undefined; },
  }));
  data.tests = data.tests.map((row) => new Test(row));
  const byId = (id) => document.getElementById(id);
  const controls = {
    text: byId('filter-text'), agent: byId('filter-agent'), state: byId('filter-state'),
    criterion: byId('filter-criterion'), sort: byId('sort'),
  };
  const list = byId('tests');
  const shown = byId('shown');
  const more = byId('more');
  // Cards drawn at once (and added by "Show more"): building 500 cards' elements took about half
  // of the page's opening time for 10,000 tests; 200 still fill many screens.
  const pageSize = 200;
  let limit = pageSize;

  const states = ['unapproved', 'stale', 'rejected', 'gating', 'approved'];
  const quarantined = new Set(['unapproved', 'stale', 'rejected']);
  const stateTitles = {
    unapproved: 'Quarantined: not approved yet', stale: 'Quarantined: approval is stale (the test changed since)',
    rejected: 'Quarantined: rejected', gating: 'Unapproved, gating (a project without quarantine)', approved: 'Approved',
  };
  const outcomeNames = { p: 'passed', f: 'failed', e: 'error', t: 'timed out', s: 'skipped', c: 'cancelled', n: 'not run' };
  const criteria = new Map(data.criteria.map((c) => [c.id, c]));
  const noCriterion = '';
  // What the text filter searches, made on its first use rather than while the page opens.
  const searchText = (test) => test.search ??= [test.id, test.ag, test.mo, test.se, test.pr, test.file, test.fail, test.no?.text, test.ok?.text,
    test.cf && `cannot fail ${test.cf}`, test.rr, test.dsp && `approved despite ${test.dsp}`, ...test.cr].filter((part) => part !== undefined && part !== '').join('\n').toLowerCase();

  // Controls and bidirectional overrides are shown as \uXXXX, as the tool's terminal output
  // shows them (Inert.cs): an escape sequence or a "Trojan Source" override cannot disguise a
  // name. A failure message keeps its line breaks and tabs.
  const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
  const unsafeInMessage = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const visible = (text) => String(text).replace(unsafe, escape);
  const visibleMessage = (text) => String(text).replace(/\r\n/g, '\n').replace(unsafeInMessage, escape);

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = visible(text);
    return node;
  };

  const safeLink = (address) => {
    try {
      const url = new URL(address);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };

  const link = (address, text) => {
    const href = address === undefined ? null : safeLink(address);
    if (href === null) return element('span', '', text);
    const anchor = element('a', '', text);
    anchor.href = href;
    anchor.rel = 'noopener noreferrer';
    anchor.target = '_blank';
    return anchor;
  };

  const duration = (ms) => {
    const hours = ms / 3600000;
    if (hours < 1) return 'under an hour';
    if (hours < 48) return `${Math.floor(hours)} h`;
    return `${Math.floor(hours / 24)} days`;
  };

  const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

  const when = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

  // localeCompare, not an Intl.Collator: V8 compares ASCII names faster with it (10,000 test ids
  // sorted in 14-20 ms against 20-26 ms with a collator's compare, node 20).
  const comparers = {
    name: (a, b) => a.id.localeCompare(b.id),
    agent: (a, b) => a.ag.localeCompare(b.ag) || a.id.localeCompare(b.id),
    age: (a, b) => (a.since ?? Infinity) - (b.since ?? Infinity) || a.id.localeCompare(b.id),
    flaky: (a, b) => Number(b.flaky ?? false) - Number(a.flaky ?? false) || b.failures - a.failures || a.id.localeCompare(b.id),
    failures: (a, b) => b.failures - a.failures || a.id.localeCompare(b.id),
  };
  comparers.state = (a, b) => states.indexOf(a.st) - states.indexOf(b.st) || comparers.age(a, b);

  const matches = (test, filter) =>
    (!filter.agent || test.ag === filter.agent)
    && (!filter.state || test.st === filter.state || (filter.state === 'quarantined' && quarantined.has(test.st)))
    && (!filter.criterion || test.cr.includes(filter.criterion))
    && (!filter.text || searchText(test).includes(filter.text));

  // Sections in the order QA works: the three kinds of quarantine first, then the rest; in each,
  // one group per criterion (a test checking two criteria is listed under both).
  const arrange = (tests, filter) => {
    // One pass over the tests (sorted already), sections and groups filled in that order.
    const sections = new Map(states.map((state) => [state, { state, count: 0, groups: new Map() }]));
    for (const test of tests) {
      const section = sections.get(test.st);
      if (section === undefined) continue;
      section.count++;
      const ids = filter.criterion ? [filter.criterion] : test.cr.length > 0 ? test.cr : [noCriterion];
      for (const id of ids) (section.groups.get(id) ?? section.groups.set(id, []).get(id)).push(test);
    }
    return [...sections.values()].filter((section) => section.count > 0).map((section) => ({
      ...section,
      groups: [...section.groups.entries()].sort(([a], [b]) => (a === noCriterion) - (b === noCriterion) || a.localeCompare(b)),
    }));
  };

  const copy = async (button, command) => {
    try {
      await navigator.clipboard.writeText(command);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select the command to copy it';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  };

  const commandLine = (command) => {
    const line = element('div', 'command');
    line.append(element('code', '', command));
    const button = element('button', 'copy', 'Copy');
    button.type = 'button';
    button.addEventListener('click', () => copy(button, command));
    line.append(button);
    return line;
  };

  // A command is a template's number (HtmlCommands.cs: the id goes where U+0001 stands) or the whole text.
  const command = (value, id) => typeof value === 'number' ? data.commands[value].split('\u0001').join(id) : value;

  const strip = (runs) => {
    const node = element('span', 'strip');
    if (runs.length === 0) node.append(element('span', 'dim', 'no runs yet'));
    for (const letter of runs) {
      const mark = element('span', `o o-${letter}`);
      mark.title = outcomeNames[letter] ?? letter;
      node.append(mark);
    }
    return node;
  };

  const fact = (facts, term, ...values) => {
    const present = values.filter((v) => v !== undefined && v !== null && v !== '');
    if (present.length === 0) return;
    facts.append(element('dt', '', term));
    const description = element('dd');
    present.forEach((v, i) => {
      if (i > 0) description.append(' · ');
      description.append(typeof v === 'string' ? visible(v) : v);
    });
    facts.append(description);
  };

  const card = (test) => {
    const article = element('article', `test st-${test.st}`);
    article.dataset.testId = test.id;
    const details = element('details');
    details.open = quarantined.has(test.st);
    const summary = element('summary');
    const dot = test.id.lastIndexOf('.');
    summary.append(element('span', 'badge', test.st), element('span', 'name', test.id.slice(dot + 1)),
      element('span', 'class', test.id.slice(0, Math.max(dot, 0))), element('span', 'who', test.ag));
    if (test.cf !== undefined) summary.append(element('span', 'badge cannot-fail', 'cannot fail'));
    if (test.rrf) summary.append(element('span', 'badge cannot-fail', 'flaky in reruns'));
    if (test.dsp !== undefined) summary.append(element('span', 'badge cannot-fail', 'approved despite'));
    if (test.since !== undefined) summary.append(element('span', 'age', `${duration(data.now - test.since)} in quarantine`));
    summary.append(strip(test.runs));
    details.append(summary);

    const facts = element('dl', 'facts');
    fact(facts, 'Test', test.id, test.asm);
    fact(facts, 'Agent', test.ag, test.mo && `model ${test.mo}`, test.se && `session ${test.se}`);
    fact(facts, 'Prompt', test.pr);
    fact(facts, 'Source', test.file && (test.line ? `${test.file}:${test.line}` : test.file));
    if (test.cr.length > 0) {
      const links = element('span', 'criteria');
      test.cr.forEach((id, i) => {
        if (i > 0) links.append(', ');
        links.append(link(criteria.get(id)?.link, id));
      });
      fact(facts, 'Criteria', links);
    }
    const outcomes = test.runs.length > 0 ? `${test.failures} of its last ${count(test.runs.length, 'run')} failed` : 'no runs yet';
    fact(facts, 'Runs', outcomes, `${count(test.att, 'attempt')} in the latest run`,
      test.flaky === undefined ? 'flakiness: no history yet' : test.flaky ? 'flaky' : 'not flaky',
      test.lf ? 'failed in the latest run' : undefined, test.blk ? 'enforce mode failed that run' : undefined);
    fact(facts, 'History', test.dc === undefined ? 'no history yet' : `${count(test.dc, 'defect')} caught`,
      test.fa === undefined ? undefined : count(test.fa, 'false alarm'));
    fact(facts, 'Cannot fail', test.cf && `AGT0020: ${test.cf}`);
    fact(facts, 'Reruns in the latest run', test.rr);
    fact(facts, 'Approved despite missing evidence', test.dsp);
    const decision = (term, d) => d && fact(facts, term, `by ${d.by}`, d.at !== undefined ? when(d.at) : undefined, d.text);
    decision('Rejected', test.no);
    decision(test.st === 'stale' ? 'Approved (stale)' : 'Approved', test.ok);
    if (test.fail !== undefined) {
      const message = element('pre', 'failure');
      message.textContent = visibleMessage(test.fail);
      const description = element('dd', '', test.failAt !== undefined ? when(test.failAt) : '');
      description.append(message);
      facts.append(element('dt', '', 'Last failure'), description);
    }
    details.append(facts);

    const commands = element('div', 'commands');
    if (test.st === 'rejected') {
      commands.append(element('p', 'dim', 'Rejected: it stays quarantined until the test is changed or deleted.'));
    } else {
      if (test.st !== 'approved') commands.append(commandLine(command(test.ap, test.id)));
      commands.append(commandLine(command(test.rj, test.id)));
    }
    details.append(commands);
    article.append(details);
    return article;
  };

  const render = () => {
    const filter = {
      text: controls.text.value.trim().toLowerCase(), agent: controls.agent.value,
      state: controls.state.value, criterion: controls.criterion.value,
    };
    const tests = data.tests.filter((t) => matches(t, filter)).sort(comparers[controls.sort.value] ?? comparers.state);
    const fragment = document.createDocumentFragment();
    const sections = arrange(tests, filter);
    const rows = sections.reduce((sum, s) => sum + s.groups.reduce((n, [, members]) => n + members.length, 0), 0);
    let drawn = 0;
    for (const section of sections) {
      if (drawn >= limit) break;
      const block = element('section', `state st-${section.state}`);
      block.dataset.state = section.state;
      block.append(element('h3', '', `${stateTitles[section.state]} (${section.count})`));
      for (const [id, members] of section.groups) {
        if (drawn >= limit) break;
        const group = element('div', 'criterion-group');
        const heading = element('h4', 'criterion');
        const criterion = criteria.get(id);
        heading.append(id === noCriterion ? element('span', 'dim', 'No criterion') : link(criterion?.link, id));
        if (criterion?.text) heading.append(element('span', 'criterion-text', criterion.text));
        group.append(heading);
        for (const test of members.slice(0, limit - drawn)) group.append(card(test));
        drawn += Math.min(members.length, limit - drawn);
        block.append(group);
      }
      fragment.append(block);
    }
    list.replaceChildren(fragment);
    const hidden = rows > drawn;
    shown.textContent = `${tests.length} of ${data.tests.length} agent tests match`
      + (hidden ? `; the first ${drawn} of ${rows} rows are shown` : '') + '.';
    more.hidden = !hidden;
    document.documentElement.dataset.renders = String(Number(document.documentElement.dataset.renders ?? 0) + 1);
  };

  const again = () => { limit = pageSize; render(); };
  controls.text.addEventListener('input', again);
  for (const select of [controls.agent, controls.state, controls.criterion, controls.sort]) select.addEventListener('change', again);
  more.addEventListener('click', () => { limit += pageSize; render(); });
  render();
  performance.measure('agt-first-render', 'agt-script-start');
  requestAnimationFrame(() => {
    performance.measure('agt-first-frame', 'agt-script-start');
    // The first task after that frame: the rows are on screen and the page answers input.
    setTimeout(() => performance.mark('agt-ready'), 0);
  });
})();
