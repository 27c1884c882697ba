import { Logger } from '@nestjs/common';

/**
 * The outage state of one app, so an outage is logged once when it starts and once when it ends,
 * not with a stack trace per request. While down, `probe` (SELECT 1) runs every second; its first
 * success ends the outage.
 */
export class DatabaseOutage {
  private readonly logger = new Logger('Database');
  private since: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly probe: () => Promise<unknown>) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** A request failed because the database is down: log only the transition. */
  report(reason: string): void {
    if (this.since !== null) return;
    this.since = Date.now();
    this.logger.error(`database unavailable (${reason}); answering 503 DATABASE_DOWN until it is back`);
    this.timer = setInterval(() => void this.check(), 1000);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.probe();
    } catch {
      return;
    }
    if (this.since === null) return;
    this.logger.log(`database reachable again after ${Math.round((Date.now() - this.since) / 1000)} s`);
    this.since = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
