import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A regulator's working copy of a scheme (policy lab); never used by a published run. */
@Entity('scheme_draft')
export class SchemeDraftEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'base_scheme_id', type: 'varchar', length: 32 })
  baseSchemeId!: string;

  @Column({ name: 'base_version', type: 'int' })
  baseVersion!: number;

  /** the draft's parameters as JSON, valid or not (validation is shown, not enforced, while editing) */
  @Column({ type: 'text' })
  params!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'published_scheme_id', type: 'varchar', length: 32, nullable: true })
  publishedSchemeId!: string | null;

  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion!: number | null;
}
