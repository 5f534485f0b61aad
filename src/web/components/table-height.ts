/** Tables scroll inside the page with their header frozen: a height that leaves room for what is above. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useTableHeight(reserved: number, minimum = 280): Ref<number> {
  const height = ref(Math.max(minimum, window.innerHeight - reserved));
  const update = (): void => {
    height.value = Math.max(minimum, window.innerHeight - reserved);
  };
  onMounted(() => window.addEventListener('resize', update));
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return height;
}
