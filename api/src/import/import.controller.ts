import { BadRequestException, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportAcceptedResponse, ImportBatchListResponse, ImportBatchResponse } from '@sci/shared';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { safeUploadName } from '../core/http/upload-options';
import { ListImportsDto } from './dto/list-imports.dto';
import { ImportService } from './import.service';

/** Multer's file (disk storage, limits and type checks from ImportModule's MulterModule). */
interface UploadedFile {
  originalname: string;
  path: string;
}

@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin', 'regulator')
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** Starts an import of the uploaded files (.csv, .xlsx, .zip); poll GET /imports/:id. */
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @UseInterceptors(FilesInterceptor('files'))
  upload(@UploadedFiles() files: UploadedFile[] | undefined, @CurrentScope() scope: AccessScope): Promise<ImportAcceptedResponse> {
    if (!files?.length) throw new BadRequestException({ code: 'NO_FILES', message: 'send one or more files in the form field "files" (.csv, .xlsx or .zip)' });
    return this.imports.startImport(files.map((f) => ({ name: safeUploadName(decodeName(f.originalname)), path: f.path, temporary: true })), scope);
  }

  @Get()
  list(@Query() q: ListImportsDto): Promise<ImportBatchListResponse> {
    return this.imports.listBatches(q.limit ?? 50, q.offset ?? 0);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<ImportBatchResponse> {
    return this.imports.getBatch(id);
  }

  @Get(':id/errors.csv')
  async errorsCsv(@Param('id', ParseIntPipe) id: number): Promise<StreamableFile> {
    const csv = await this.imports.errorsCsv(id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-errors.csv"`,
    });
  }
}

/** Browsers send UTF-8 file names, which multer reads as latin1. */
function decodeName(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return /[\u0080-\u00ff]/.test(name) && !utf8.includes('\ufffd') ? utf8 : name;
}
