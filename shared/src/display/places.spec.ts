import { SHANDONG_CITIES, searchExpansion } from './places';

describe(searchExpansion.name, () => {
  it('should find a city by its English or Chinese name, in any case', () => {
    expect(searchExpansion('Jinan').regionCodes).toEqual(['370100']);
    expect(searchExpansion('jinan').regionCodes).toEqual(['370100']);
    expect(searchExpansion('济南').regionCodes).toEqual(['370100']);
    expect(searchExpansion('jin').regionCodes).toEqual(['370100', '370800']);
  });

  it('should find a bank by its short or English name', () => {
    expect(searchExpansion('工行').bankCodes).toEqual(['ICBC']);
    expect(searchExpansion('bank of china').bankCodes).toContain('BOC');
    expect(searchExpansion('construction').bankCodes).toEqual(['CCB']);
    expect(searchExpansion('Qingdao').bankCodes).toEqual(['QDB']);
    expect(searchExpansion('Qingdao').regionCodes).toEqual(['370200']);
  });

  it('should mean nothing more for blank or unrelated text', () => {
    expect(searchExpansion('  ')).toEqual({ regionCodes: [], bankCodes: [] });
    expect(searchExpansion('ICBC-370100')).toEqual({
      regionCodes: [],
      bankCodes: [],
    });
    expect(SHANDONG_CITIES).toHaveLength(16);
  });
});
