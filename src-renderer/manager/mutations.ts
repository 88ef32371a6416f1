import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { TillInput } from '../../src-shared/till';
import { useTillClient, valueOf } from '../client';
import { statusKeys } from '../status/queries';
import { managerKeys } from './queries';
import { useManagerSession } from './session';

/** Step-up: the manager's own engine account; what the screen shows is refetched under it. */
export function useSignIn() {
  const client = useTillClient();
  const queryClient = useQueryClient();
  const { setSession } = useManagerSession();
  return useMutation({
    mutationKey: [...managerKeys.all, 'sign-in'],
    mutationFn: async (credentials: { username: string; password: string }) =>
      valueOf(await client['manager/sign-in'](credentials)),
    onSuccess: (session) => {
      queryClient.removeQueries({ queryKey: managerKeys.all });
      setSession(session);
    },
  });
}

export function useSignOut() {
  const client = useTillClient();
  const forget = useForgetSession();
  return useMutation({
    mutationKey: [...managerKeys.all, 'sign-out'],
    mutationFn: async () => valueOf(await client['manager/sign-out']({})),
    onSettled: forget,
  });
}

/** The step-up ends when the manager leaves the screen: signed out in the till, forgotten here. */
export function useSignOutOnLeave(): void {
  const client = useTillClient();
  const forget = useForgetSession();
  const { session } = useManagerSession();
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = session !== null;
  }, [session]);
  useEffect(
    () => () => {
      if (!signedIn.current) return;
      void client['manager/sign-out']({}).finally(forget);
    },
    [client, forget],
  );
}

function useForgetSession(): () => void {
  const queryClient = useQueryClient();
  const { setSession } = useManagerSession();
  return useCallback(() => {
    setSession(null);
    queryClient.removeQueries({ queryKey: managerKeys.all });
  }, [queryClient, setSession]);
}

export function useUnlockVoucher() {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...managerKeys.all, 'unlock-voucher'],
    mutationFn: async (input: { voucherKey: string; reason: string }) =>
      valueOf(await client['manager/unlock-voucher'](input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: managerKeys.lockedVouchers() });
      void queryClient.invalidateQueries({ queryKey: [...managerKeys.all, 'audit-log'] });
    },
  });
}

/** Frees every voucher held for one basket: a sale left behind at any till of the store. */
export function useUnlockBasket() {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...managerKeys.all, 'unlock-basket'],
    mutationFn: async (input: { basketCode: string; reason: string }) =>
      valueOf(await client['manager/unlock-basket'](input)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: managerKeys.lockedVouchers() });
      void queryClient.invalidateQueries({ queryKey: [...managerKeys.all, 'audit-log'] });
    },
  });
}

export function useAcknowledgeConflict() {
  const client = useTillClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...managerKeys.all, 'acknowledge-conflict'],
    mutationFn: async (input: TillInput<'manager/acknowledge-conflict'>) =>
      valueOf(await client['manager/acknowledge-conflict'](input)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: managerKeys.conflicts() });
      void queryClient.invalidateQueries({ queryKey: [...managerKeys.all, 'audit-log'] });
      void queryClient.invalidateQueries({ queryKey: statusKeys.all });
    },
  });
}
