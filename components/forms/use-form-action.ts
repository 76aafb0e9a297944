"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { idle } from "@/lib/actions/action-state";

type FormAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * Runs a server action from a form's submit event rather than `<form action>`,
 * because React resets a form's fields after every `<form action>` — also
 * when the server answered "please correct the highlighted fields", which
 * would wipe what the person typed. Fields are cleared only on success, and
 * only when asked to (e.g. after adding a manager, or changing a password).
 */
export function useFormAction<T = undefined>(action: FormAction<T>, opts: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action, idle as ActionState<T>);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (opts.resetOnSuccess && state.status === "success") formRef.current?.reset();
  }, [state, opts.resetOnSuccess]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };

  return { state, onSubmit, pending, formRef };
}
