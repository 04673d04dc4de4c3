import { describe, expect, it } from 'vitest';
import { convert } from '../../main/script/convert';
import { ScriptDetector } from '../../main/script/detect';
import { sample } from '../helpers/data';

describe('ScriptDetector', () => {
  const detector = ScriptDetector.fromOpencc();

  it('classifies the samples by their script', () => {
    expect(detector.detect(sample('000'))).toBe('simplified');
    expect(detector.detect(sample('001'))).toBe('traditional');
    expect(detector.detect(sample('003'))).toBe('traditional');
  });

  it('counts only characters that belong to one script', () => {
    // 互 is the same in both scripts.
    expect(detector.evidence('腾讯产业互联网')).toEqual({ simplified: 6, traditional: 0 });
    expect(detector.evidence('騰訊產業互聯網')).toEqual({ simplified: 0, traditional: 6 });
    // 人, 中, 干 and Latin letters are written the same in both.
    expect(detector.detect('人中干 ABC 123')).toBe('unknown');
  });

  it('says mixed when neither script dominates', () => {
    expect(detector.detect('腾讯产业 騰訊產業')).toBe('mixed');
    // A stray character does not make a long article mixed.
    expect(detector.detect(sample('003') + '简体字')).toBe('traditional');
  });

  it('tells which Traditional forms a text uses', () => {
    expect(detector.classify(sample('001'))).toEqual({ script: 'traditional', form: 'taiwan' });
    // 003 writes OpenCC's standard 爲 (24 times) and a few of Taiwan's 裡: standard wins.
    expect(detector.classify(sample('003'))).toEqual({ script: 'traditional', form: 'standard' });
    expect(detector.classify(sample('000'))).toEqual({ script: 'simplified', form: null });
    expect(detector.form('爲了說明')).toBe('standard');
    expect(detector.form('為了說明')).toBe('taiwan');
    expect(detector.form('為了説明')).toBe('hongkong');
    expect(detector.form('香港的衞生')).toBe('hongkong');
    expect(detector.form('這裡')).toBe('taiwan');
  });

  it('recognises text converted by each OpenCC variant as that variant', () => {
    const simplified = sample('000');
    expect(detector.classify(convert(simplified, 's2t').text).form).toBe('standard');
    expect(detector.classify(convert(simplified, 's2tw').text).form).toBe('taiwan');
    expect(detector.classify(convert(simplified, 's2hk').text).form).toBe('hongkong');
    expect(detector.classify(convert(sample('001'), 'tw2s').text).script).toBe('simplified');
  });
});
