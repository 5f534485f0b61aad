/** Loading state for one request: data, whether it is in flight, its Chinese error, and reload. */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Loaded<T> {
  data: ShallowRef<T | null>;
  loading: Ref<boolean>;
  error: Ref<string | null>;
  reload: () => Promise<void>;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useLoad<T>(fetcher: () => Promise<T>, immediate = true): Loaded<T> {
  const data = shallowRef<T | null>(null);
  const loading = ref(immediate);
  const error = ref<string | null>(null);
  async function reload(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fetcher();
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loading.value = false;
    }
  }
  if (immediate) void reload();
  return { data, loading, error, reload };
}
