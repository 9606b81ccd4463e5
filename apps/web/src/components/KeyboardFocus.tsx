import { Drawer, type DrawerProps } from 'antd';
import { useRef } from 'react';

/**
 * A drawer that keyboard users can work: once open, the focus is inside the dialog itself (on its close button; antd
 * leaves it on the drawer's outer frame, outside the element announced as the dialog); Tab stays inside, Escape closes
 * it, and the focus goes back to what opened it.
 */
export function FocusDrawer({ afterOpenChange, children, ...props }: DrawerProps) {
  const anchor = useRef<HTMLSpanElement>(null);
  return (
    <Drawer
      {...props}
      afterOpenChange={(open) => {
        if (open) {
          const dialog = anchor.current?.closest<HTMLElement>('[role="dialog"]');
          const inside = dialog?.contains(document.activeElement);
          if (!inside) dialog?.querySelector<HTMLElement>('.ant-drawer-close, button, [href], input, textarea, [tabindex="0"]')?.focus();
        }
        afterOpenChange?.(open);
      }}
    >
      <span ref={anchor} hidden />
      {children}
    </Drawer>
  );
}

/**
 * For a modal form that puts the focus in its first field: the focus goes back to the button that opened it once it
 * closes (the dialog's own return misses it, as the field takes the focus before the dialog notes where it came from).
 * Give `ref` to the trigger and `afterClose` to the modal.
 */
export function useReturnFocus() {
  const ref = useRef<HTMLButtonElement>(null);
  return { ref, afterClose: () => ref.current?.focus({ preventScroll: true }) };
}
