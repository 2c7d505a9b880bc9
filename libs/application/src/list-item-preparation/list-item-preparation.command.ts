import type { Viewer } from '../agenda/agenda-queries';

/** Read one item's preparation, as far as the viewer may. */
export interface ListItemPreparationCommand {
  readonly viewer: Viewer;
  readonly itemId: string;
}
