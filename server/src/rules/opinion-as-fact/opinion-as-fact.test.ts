import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'opinion-as-fact';
const check = (sentence: string) => flagged(inEntry(sentence), RULE);

describe('opinion-as-fact', () => {
  it.each([
    'Dad was aggressive when I arrived.',
    'The kitchen was disgusting.',
    'Ms Ahmed is a wonderful mother.',
    'Mr Green is a bit over-anxious about everything.',
    'Gran was quite chaotic this morning.',
    'Nana is clearly struggling with the children.',
    'He obviously resents the new baby.',
    'She never takes Kyle to his appointments.',
    'The stepfather is always shouting at the boys.',
    'Mum has no insight into the impact of her drinking.',
    'He was lying about where he had been.',
    'The flat was a tip.',
    'Mr Okafor is a known cannabis user.',
    'The bedroom stank.',
    'Mum was drunk.',
    'M v hostile and refused entry.',
    'It is evident that Ms Dean cannot cope.',
    'Ms Jones presented as very defensive.',
    'The children are well cared for.',
    "Mum's parenting is poor.",
    "Mum is unable to prioritise the children's needs.",
    'Mum came across as evasive.',
    'Mum seems to be coping well.',
    'The home was immaculate.',
    "The children's mother never turns up for contact.",
  ])('flags a judgement stated as fact: %s', (sentence) => {
    expect(check(sentence)).toEqual([sentence]);
  });

  it.each([
    'The school reported that Dad is always late collecting her.',
    'Ms Dean said her partner is "lazy and useless".',
    'I am concerned that Mum is not managing the children\'s bedtimes.',
    'I’m concerned that Mum is aggressive.',
    'In my professional judgement the home conditions are neglectful, because there was no food and the boiler has been broken for a month.',
    'There were four full bin bags in the kitchen and a strong smell of urine on the landing.',
    'Kyle had a bruise about 2 cm across on his left forearm.',
    'The bruise was clearly visible under his fringe.',
    'Mum appeared drowsy: her eyes kept closing while we talked.',
    'Harvey has never been known to CAMHS.',
    'According to the health visitor, the baby is always clean and well dressed.',
    'Mrs Hill is a single parent and works nights at the hospital.',
    'Dr Shah\'s view is that the injury is not consistent with a fall.',
    'The house was cold; the thermostat read 14 degrees.',
    'Dad was emotional when he talked about his own childhood.',
    "Mum's attendance at appointments has been good since January.",
    'He never attended the appointment on 12/03.',
    'Dad could clearly explain the plan.',
    'Police described Mr Hill as aggressive.',
    'He told me he is never allowed out after 8pm.',
  ])('accepts attributed, marked or observed wording: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('accepts any judgement inside an Analysis section', () => {
    const note = inEntry('**Analysis:** Ms Dean is a loving but overwhelmed mother.');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('flags the label even when evidence follows in the next sentence', () => {
    const note = inEntry('Ms H. was drunk. She was slurring her words and fell against the door.');
    expect(flagged(note, RULE)).toEqual(['Ms H. was drunk.']);
  });

  it('never treats the words of a quoted reply as the writer\'s', () => {
    const note = inEntry('Email from school:\n\n> Mum is always rude to staff and the house is filthy.\n\nI will visit on Friday.');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('offers three fixes, and marking it as professional judgement clears the finding', () => {
    const note = inEntry('The house was filthy.');
    const [finding] = findings(note, RULE);
    expect(finding.fixes.map((f) => f.title)).toHaveLength(3);
    for (const fix of finding.fixes) {
      const fixed = applyFix(note, fix);
      expect(flagged(fixed, RULE)).toEqual([]);
      expect(flagged(fixed, 'unfilled-placeholder').length).toBeGreaterThan(0);
    }
  });

  it('reads shorthand view labels ("SW view:", "TM analysis:") as judgement sections', () => {
    expect(check('**SW view:** Dad is a caring father who has kept every appointment.')).toEqual([]);
    expect(check('**TM analysis:** Mum is a protective parent.')).toEqual([]);
  });

  it('flags a label about a lower-case name in dictated text', () => {
    expect(check('went round at four the flat was tidy lee is an aggressive man')).toHaveLength(1);
    expect(check('i think lee is an aggressive man')).toEqual([]);
  });

  it('flags how well someone is doing and "a changed man" as labels', () => {
    expect(check('Dad is doing amazingly.')).toHaveLength(1);
    expect(check('Since the course Dad is a reformed man.')).toHaveLength(1);
    expect(check('Dad is doing his shopping on Fridays now.')).toEqual([]);
  });

  it('keeps what someone said with the reporting verb in dictated text without full stops', () => {
    // Splitting after "who said" or "told them" would leave a bare label as a sentence of its own.
    const dictated = 'after the visit i phoned the school and spoke to the head of year mrs carter who said he is a disruptive boy in class and that he needs support with reading at lunchtime';
    expect(check(dictated)).toEqual([]);
  });
});
