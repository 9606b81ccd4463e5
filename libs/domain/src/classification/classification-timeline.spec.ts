import { classificationOn, classificationPeriods } from './classification-timeline';

describe('classification timeline', () => {
  const history = [
    { effectiveFrom: '2010-01-01', location: 'TOWN' as const, weak: false },
    { effectiveFrom: '2018-09-01', location: null, weak: true },
    { effectiveFrom: '2022-01-01', location: 'RURAL' as const, weak: null },
  ];

  it('has no classification before the first change', () => {
    expect(classificationOn(history, '2009-12-31')).toEqual({ location: null, weak: null });
  });

  it('lets location and weak each hold until the next change that sets them', () => {
    expect(classificationOn(history, '2010-01-01')).toEqual({ location: 'TOWN', weak: false });
    expect(classificationOn(history, '2018-08-31')).toEqual({ location: 'TOWN', weak: false });
    expect(classificationOn(history, '2018-09-01')).toEqual({ location: 'TOWN', weak: true });
    expect(classificationOn(history, '2022-01-01')).toEqual({ location: 'RURAL', weak: true });
  });

  it('does not depend on the order changes are stored in', () => {
    expect(classificationOn([...history].reverse(), '2020-01-01')).toEqual({ location: 'TOWN', weak: true });
  });

  it('turns changes into consecutive inclusive periods', () => {
    expect(classificationPeriods(history)).toEqual([
      { from: '2010-01-01', to: '2018-08-31', location: 'TOWN', weak: false },
      { from: '2018-09-01', to: '2021-12-31', location: 'TOWN', weak: true },
      { from: '2022-01-01', to: null, location: 'RURAL', weak: true },
    ]);
  });

  it('folds a change that sets nothing new into the period before it', () => {
    expect(
      classificationPeriods([
        { effectiveFrom: '2010-01-01', location: 'URBAN', weak: false },
        { effectiveFrom: '2015-01-01', location: 'URBAN', weak: null },
        { effectiveFrom: '2016-03-01', location: null, weak: true },
      ]),
    ).toEqual([
      { from: '2010-01-01', to: '2016-02-29', location: 'URBAN', weak: false },
      { from: '2016-03-01', to: null, location: 'URBAN', weak: true },
    ]);
  });

  it('has no periods without changes', () => {
    expect(classificationPeriods([])).toEqual([]);
  });
});
