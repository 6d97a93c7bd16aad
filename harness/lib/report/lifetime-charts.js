// The Vega-Lite time-series charts of the lifetime lab in report.html: per experiment,
// one line chart per sampled field, a line per run, time since the run started on x.
'use strict';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The charts of one experiment: `[{ title, spec }]`, one per sampled field some run recorded. */
function experimentCharts(experiment) {
  return experiment.sampled.flatMap((field) => {
    const values = experiment.runs.flatMap((run) => run.series
      .filter((s) => typeof s[field] === 'number')
      .map((s) => ({ run: run.name, t: s.t, value: s[field], phase: s.label })));
    if (values.length === 0) return [];
    return [{
      title: `${experiment.id}: ${field}`,
      spec: {
        $schema: SCHEMA,
        title: `${experiment.id}: ${field} over time`,
        width: 520,
        height: 180,
        data: { values },
        mark: { type: 'line', point: { size: 12 } },
        encoding: {
          x: { field: 't', type: 'quantitative', title: 'ms since the run started' },
          y: { field: 'value', type: 'quantitative', title: field },
          color: { field: 'run', type: 'nominal', title: 'run' },
          tooltip: [{ field: 'run' }, { field: 'phase' }, { field: 't', format: '.1f' }, { field: 'value', format: ',' }],
        },
      },
    }];
  });
}

module.exports = { experimentCharts };
