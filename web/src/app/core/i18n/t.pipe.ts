import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18nStore, type MessageKey } from './i18n.store';

/**
 * `{{ 'nav.overview' | t }}`. Impure on purpose: the output depends on the language signal, not
 * only on the key; the transform is a dictionary lookup, cheap enough to run on every check.
 * Reading the signal inside transform also makes OnPush views re-render on a switch.
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18nStore);

  transform(
    key: MessageKey | string,
    params?: Record<string, string | number | null | undefined>,
  ): string {
    return this.i18n.t(key, params);
  }
}
