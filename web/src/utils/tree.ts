// Flat records with parent ids, shaped into the trees el-tree shows.
export interface TreeNode<T> {
  id: string
  label: string
  item: T
  children: TreeNode<T>[]
}

/**
 * A forest from records with `id` and `parent_id`; a record whose parent is
 * not among them (the top of the caller's scope) becomes a root. Children
 * keep the order of `items`.
 */
export function buildForest<T extends { id: string | number; parent_id: string | number | null; name: string }>(
  items: T[],
): TreeNode<T>[] {
  const byId = new Map<string, TreeNode<T>>()
  for (const it of items) byId.set(String(it.id), { id: String(it.id), label: it.name, item: it, children: [] })
  const roots: TreeNode<T>[] = []
  for (const it of items) {
    const node = byId.get(String(it.id))!
    const parent = it.parent_id === null ? undefined : byId.get(String(it.parent_id))
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Ids of a node and everything below it. */
export function subtreeIds<T>(node: TreeNode<T>): Set<string> {
  const out = new Set<string>()
  const walk = (n: TreeNode<T>) => {
    out.add(n.id)
    n.children.forEach(walk)
  }
  walk(node)
  return out
}
