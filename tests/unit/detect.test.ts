import { describe, expect, it } from 'vitest';
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
});
