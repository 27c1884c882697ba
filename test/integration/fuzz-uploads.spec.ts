import { Controller, INestApplication, Module, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FilesInterceptor } from '@nestjs/platform-express';
import { HttpErrorFilter } from '../../api/src/core/http/http-exception.filter';
import { uploadOptions } from '../../api/src/core/http/upload-options';

/**
 * The shared upload options on a throwaway route: what a too large, wrongly typed or
 * path-named upload gets (the import upload route uses the same options).
 */
@Controller('up')
class UploadProbeController {
  @Post()
  @UseInterceptors(FilesInterceptor('files', 3, uploadOptions(1024, ['.csv', '.zip', '.xlsx'])))
  upload(@UploadedFiles() files: { originalname: string }[]): { names: string[] } {
    return { names: files.map((f) => f.originalname) };
  }
}

@Module({ controllers: [UploadProbeController] })
class UploadProbeModule {}

function form(files: { name: string; size: number }[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append('files', new Blob([Buffer.alloc(f.size, 'a')]), f.name);
  return fd;
}

describe(uploadOptions.name, () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(UploadProbeModule, { logger: false });
    app.useGlobalFilters(new HttpErrorFilter());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/up`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('should accept files within the limit and of an allowed type', async () => {
    const res = await fetch(url, { method: 'POST', body: form([{ name: 'loans.csv', size: 100 }, { name: 'Book.XLSX', size: 10 }]) });
    expect(res.status).toBe(201);
    await expect(res.json()).resolves.toEqual({ names: ['loans.csv', 'Book.XLSX'] });
  });

  it.each([
    { label: 'a file over the size limit', files: [{ name: 'loans.csv', size: 5000 }], status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { label: 'another file type', files: [{ name: 'evil.exe', size: 10 }], status: 415, code: 'UNSUPPORTED_FILE_TYPE' },
    { label: 'a hidden dot-dot name', files: [{ name: '..csv', size: 10 }], status: 400, code: 'BAD_FILE_NAME' },
    { label: 'too many files', files: [1, 2, 3, 4].map((i) => ({ name: `f${i}.csv`, size: 10 })), status: 400, code: 'BAD_REQUEST' },
  ])('should answer $label with $status', async ({ files, status, code }) => {
    const res = await fetch(url, { method: 'POST', body: form(files) });
    expect(res.status).toBe(status);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+|node_modules/);
  });

  it.each([
    { sent: '../../etc/cron.d/x.csv', kept: 'x.csv' },
    { sent: '..\\..\\windows\\x.csv', kept: 'x.csv' },
  ])('should keep only the last component of $sent', async ({ sent, kept }) => {
    const res = await fetch(url, { method: 'POST', body: form([{ name: sent, size: 10 }]) });
    await expect(res.json()).resolves.toEqual({ names: [kept] });
  });

  it('should answer a broken multipart body with 400', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\nabc',
    });
    expect(res.status).toBe(400);
  });
});
