import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One immutable version of a scoring scheme; `params` is the scheme as JSON. */
@Entity('scheme_version')
@Index('uq_scheme_version', ['schemeId', 'version'], { unique: true })
export class SchemeVersionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'scheme_id', type: 'varchar', length: 32 })
  schemeId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'title_zh', type: 'varchar', length: 100 })
  titleZh!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn!: string;

  @Column({ type: 'text' })
  params!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  /** runs of this period and later use the version by default; null: from the start */
  @Column({ name: 'effective_from', type: 'varchar', length: 6, nullable: true })
  effectiveFrom!: string | null;

  /** why it was adopted (a published draft) */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
