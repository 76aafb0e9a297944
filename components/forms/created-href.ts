/** The `?notice=created` a create action adds to the new record's address, read by its page (see CreatedNotice). */

/** Where a create action sends the person: the new record's page, with the notice. */
export const createdHref = (path: string) => `${path}?notice=created`;

export type NoticeParams = Promise<Record<string, string | string[] | undefined>>;

export const wasCreated = async (searchParams: NoticeParams) => (await searchParams).notice === "created";
