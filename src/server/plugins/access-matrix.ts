/**
 * Who may call each operation of the API document (access-matrix.test.ts): for each
 * operationId, what each role is answered when it names things in its own scope and in
 * another's. The organiser (team admin of 渝中区生态环境志愿服务队), the site manager (of a
 * supermarket in 解放碑) and the region admin (of 渝中区 500103) hold 渝中区; "out of scope" names
 * the same kinds of things in 沙坪坝区 (500106). The volunteer is a volunteer of 解放碑; the system
 * admin holds everything.
 *
 * A cell is one outcome, or "in/out" when the two scopes differ:
 * - allowed: let through (2xx, or a 409/422 about the state of things, not about the caller)
 * - invalid: the probe's plain body or query did not pass the schema (400), so the cell checks
 *   only that the caller got as far as the input check
 * - 401: not signed in; 403: out of role; 404: not found or not visible to the caller
 *
 * One line per operation, one column per role (access-matrix.format.ts reads it). A new operation
 * fails the test until it has a row. SHANMEI_ACCESS_MATRIX_WRITE=1 rewrites the rows from the
 * server's answers; every changed cell is then read against ../shared/API.md before it is kept.
 */
import { parseMatrix } from './access-matrix.format.js';

const TABLE = `
operation                                             anonymous volunteer   organiser   site_manager region_admin system_admin
getHealth                                             allowed   allowed     allowed     allowed      allowed      allowed
getConfig                                             allowed   allowed     allowed     allowed      allowed      allowed
postAuthLogin                                         401       401         401         401          401          401
postAuthLogout                                        401       allowed     allowed     allowed      allowed      allowed
postAuthLogoutAll                                     401       allowed     allowed     allowed      allowed      allowed
getMe                                                 401       allowed     allowed     allowed      allowed      allowed
postAuthTokens                                        401       403         403         403          403          403
getAuthTokens                                         401       allowed     allowed     allowed      allowed      allowed
deleteAuthTokensById                                  401       404         404         404          404          404
getRegions                                            allowed   allowed     allowed     allowed      allowed      allowed
getRegionsByCodePath                                  allowed   allowed     allowed     allowed      allowed      allowed
getFields                                             allowed   allowed     allowed     allowed      allowed      allowed
postOrganisations                                     401       403         403         403          allowed/403  allowed
getOrganisations                                      allowed   allowed     allowed     allowed      allowed      allowed
getOrganisationsById                                  allowed   allowed     allowed     allowed      allowed      allowed
postOrganisationsByIdMembers                          401       403         allowed/403 403          allowed/403  allowed
getOrganisationsByIdMembers                           401       403         allowed/403 403          allowed/403  allowed
postOrganisationsByIdApplications                     401       allowed     403         403          403          403
getMeMemberships                                      401       allowed     403         403          403          403
postMembershipsByIdAccept                             401       404         404         404          404          404
postMembershipsByIdDecline                            401       404         404         404          404          404
postMembershipsByIdEnd                                401       404         404         404          404          404
getAudit                                              401       403         403         403          allowed/403  allowed
postVerificationCodes                                 allowed   allowed     allowed     allowed      allowed      allowed
postAuthPasswordReset                                 allowed   allowed     allowed     allowed      allowed      allowed
putMePassword                                         401       allowed     allowed     allowed      allowed      allowed
postMeClose                                           401       allowed     allowed     allowed      allowed      allowed
postRoles                                             401       403         403         403          403          allowed
deleteRolesById                                       401       404         404         404          404          404
getUsersByIdRoles                                     401       allowed/403 403         403          allowed/404  allowed
postSites                                             401       403         403         403          allowed/403  allowed
getSites                                              allowed   allowed     allowed     allowed      allowed      allowed
getSitesById                                          allowed   allowed     allowed     allowed      allowed      allowed
patchSitesById                                        401       403         404         404          allowed/404  allowed
getSitesByIdActivities                                allowed   allowed     allowed     allowed      allowed      allowed
postVolunteers                                        invalid   invalid     invalid     invalid      invalid      invalid
getVolunteers                                         401       403         403         403          allowed/403  allowed
postResidents                                         allowed   allowed     allowed     allowed      allowed      allowed
postVolunteersSearch                                  401       403         403         403          allowed/403  allowed
getVolunteersById                                     401       allowed/404 allowed/404 404          allowed/404  allowed
patchVolunteersById                                   401       allowed/404 403/404     404          403/404      403
putMeGuardian                                         401       allowed     403         403          403          403
getVolunteersByIdGuardian                             401       404         404         404          404          404
putMePin                                              401       allowed     403         403          403          403
getMeExport                                           401       403         403         403          403          403
postProjects                                          401       403         403         403          allowed      allowed
getProjects                                           allowed   allowed     allowed     allowed      allowed      allowed
getProjectsById                                       404       404         404         404          404          404
postProjectsByIdHonours                               401       404         404         404          404          404
postHonours                                           401       403         403         403          allowed/404  allowed
getHonours                                            401       allowed/404 404         404          allowed/404  allowed
getHonoursSummary                                     allowed   allowed     allowed     allowed      allowed      allowed
deleteHonoursById                                     401       403         403         403          404          404
postActivities                                        401       403         allowed/403 403          allowed/403  allowed
getActivities                                         allowed   allowed     allowed     allowed      allowed      allowed
getActivitiesById                                     allowed   allowed     allowed     allowed      allowed      allowed
patchActivitiesById                                   401       403         allowed/403 403          allowed/403  allowed
postActivitiesByIdPublish                             401       403         allowed/403 403          allowed/403  allowed
postActivitiesByIdCancel                              401       403         allowed/403 403          allowed/403  allowed
patchShiftsById                                       401       403         allowed/403 403          allowed/403  allowed
postShiftsByIdPeopleServed                            401       403         allowed/403 403          allowed/403  allowed
getOrganisationsByIdActivities                        401       403         allowed/403 403          allowed/403  allowed
postShiftsByIdSignups                                 401       allowed     403         403          403          403
getShiftsByIdSignups                                  401       403         allowed/403 403          allowed/403  allowed
deleteSignupsById                                     401       allowed/404 allowed/404 404          allowed/404  allowed
getMeSignups                                          401       allowed     403         403          403          403
postSignupsByIdApprove                                401       403         allowed/404 403          allowed/404  allowed
postSignupsByIdReject                                 401       403         allowed/404 403          allowed/404  allowed
postSignupsByIdNoShow                                 401       403         allowed/404 403          allowed/404  allowed
getQualificationKinds                                 allowed   allowed     allowed     allowed      allowed      allowed
postVolunteersByIdQualifications                      401       403/404     allowed/404 404          allowed/404  allowed
getVolunteersByIdQualifications                       401       allowed/404 allowed/404 404          allowed/404  allowed
postInsurancePolicies                                 401       403         allowed/403 403          allowed/403  allowed
getInsurancePolicies                                  401       403         allowed/403 403          allowed/403  allowed
getMeNotifications                                    401       allowed     allowed     allowed      allowed      allowed
postMeNotificationsByIdRead                           401       404         404         404          404          404
postMeNotificationsReadAll                            401       allowed     allowed     allowed      allowed      allowed
getMeNotificationPrefs                                401       allowed     allowed     allowed      allowed      allowed
putMeNotificationPrefs                                401       allowed     allowed     allowed      allowed      allowed
putMeEmail                                            401       allowed     allowed     allowed      allowed      allowed
getMeCalendar                                         401       allowed     403         403          403          403
postMeCalendarReset                                   401       allowed     403         403          403          403
getCalendarByTokenIcs                                 404       404         404         404          404          404
getShiftsByIdCheckinCode                              401       403         allowed/404 403          allowed/404  allowed
getMeMemberCode                                       401       allowed     403         403          403          403
postCheckins                                          401       allowed     403         403          403          403
postCheckouts                                         401       allowed     403         403          403          403
getShiftsByIdAttendance                               401       403         allowed/404 403          allowed/404  allowed
postShiftsByIdAttendance                              401       403         allowed/404 403          allowed/404  allowed
getRecords                                            401       allowed/404 allowed/404 404          allowed/404  allowed
postRecords                                           401       403         allowed/404 403          allowed/404  allowed
getRecordsById                                        401       allowed/404 allowed/404 404          allowed/404  allowed
postRecordsByIdConfirm                                401       403         allowed/404 403          allowed/404  allowed
postRecordsConfirm                                    401       403         allowed/404 403          allowed/404  allowed
postRecordsByIdRevoke                                 401       403         allowed/404 403          allowed/404  allowed
postRecordsByIdCorrections                            401       allowed/404 403/404     404          403/404      403
getRecordsByIdCorrections                             401       allowed/404 allowed/404 404          allowed/404  allowed
getRecordCorrections                                  401       403         allowed/403 403          allowed/403  allowed
postRecordCorrectionsByIdAnswer                       401       403         404         403          404          404
getVolunteersByIdPoints                               401       allowed/404 404         404          allowed/404  allowed
postVolunteersByIdPointsAdjustments                   401       403         403         403          allowed/404  allowed
getPointAdjustments                                   401       403         403         403          allowed      allowed
postPointAdjustmentsByIdApprove                       401       403         403         403          404          404
postPointAdjustmentsByIdReject                        401       403         403         403          404          404
postPointRules                                        401       403         403         403          allowed/404  allowed
getPointRules                                         401       403         allowed     403          allowed      allowed
postSupermarketsBySiteIdGoods                         401       403         404         allowed/404  allowed/404  allowed
getSupermarketsBySiteIdGoods                          allowed   allowed     allowed     allowed      allowed      allowed
patchSupermarketsBySiteIdGoodsByGoodsId               401       403         404         allowed/404  allowed/404  allowed
postSupermarketsBySiteIdGoodsByGoodsIdStock           401       403         404         allowed/404  allowed/404  allowed
getSupermarketsBySiteIdGoodsByGoodsIdMovements        401       403         404         allowed/404  allowed/404  allowed
postSupermarketsBySiteIdMemberLookup                  401       403         404         allowed/404  allowed/404  allowed
postSupermarketsBySiteIdRedemptions                   401       403         404         allowed/404  allowed/404  allowed
getSupermarketsBySiteIdRedemptions                    401       403         404         allowed/404  allowed/404  allowed
postRedemptionsByIdReverse                            401       404         404         404          404          404
postRedemptionsByIdVoid                               401       404         404         404          404          404
getMeRedemptions                                      401       allowed     403         403          403          403
getSupermarketsBySiteIdDayReport                      401       403         404         allowed/404  allowed/404  allowed
getStatsOverview                                      allowed   allowed     allowed     allowed      allowed      allowed
getStatsProjects                                      allowed   allowed     allowed     allowed      allowed      allowed
getStatsToday                                         allowed   allowed     allowed     allowed      allowed      allowed
getImports                                            401       403         403         403          allowed      allowed
postImports                                           401       403         403         403          invalid      invalid
getImportsById                                        401       404         404         404          404          404
getImportsByIdReport                                  401       404         404         404          404          404
getImportsTemplatesByKind                             401       403         403         403          allowed      allowed
getExportsByKind                                      401       403         403         403          allowed/403  allowed
getShiftsByIdInsuredXlsx                              401       403         allowed/403 403          allowed/403  allowed
getSupermarketsBySiteIdRedemptionsXlsx                401       403         404         allowed/404  allowed/404  allowed
getSupermarketsBySiteIdStockXlsx                      401       403         404         allowed/404  allowed/404  allowed
getRecordsXlsx                                        401       403         allowed/404 403          allowed/404  allowed
getStatsOverviewXlsx                                  allowed   allowed     allowed     allowed      allowed      allowed
getPlansOverviewXlsx                                  401       403         403         403          403          allowed
getReportsStatsXlsx                                   401       403         allowed     403          allowed      allowed
getReportsStatsPublicXlsx                             allowed   allowed     allowed     allowed      allowed      allowed
getMeWorkbench                                        401       allowed     allowed     allowed      allowed      allowed
getNeedTypes                                          allowed   allowed     allowed     allowed      allowed      allowed
postNeeds                                             401       allowed     allowed     allowed      allowed      allowed
getNeeds                                              401       allowed     allowed     allowed      allowed      allowed
getNeedsById                                          401       404         404         allowed/404  allowed/404  allowed
postNeedsByIdReview                                   401       404         404         allowed/404  allowed/404  allowed
postNeedsByIdDispatch                                 401       404         404         allowed/404  allowed/404  allowed
postNeedsByIdTake                                     401       404         404         403/404      403/404      403
postNeedsByIdComplete                                 401       404         404         403/404      403/404      403
postNeedsByIdRate                                     401       404         404         403/404      403/404      403
postNeedsByIdCancel                                   401       404         404         allowed/404  allowed/404  allowed
postNeedsByIdComplain                                 401       404         404         403/404      403/404      403
postNeedsByIdActivity                                 401       404         404         allowed/404  allowed/404  allowed
getRegionsByCodeNeedSla                               401       403         403         403          allowed/403  allowed
putRegionsByCodeNeedSla                               401       403         403         403          allowed/403  allowed
getStatsNeeds                                         401       403         403         403          allowed/403  allowed
getFilesById                                          404       404         404         404          404          404
getFilesByIdThumbnail                                 404       404         404         404          404          404
postPlans                                             401       403         403         403          403          allowed
getPlans                                              401       403         403         403          allowed      allowed
getPlansOverview                                      401       403         403         403          403          allowed
getPlansProgress                                      allowed   allowed     allowed     allowed      allowed      allowed
getPlansById                                          401       404         404         404          allowed/404  allowed
patchPlansById                                        401       404         404         404          403/404      allowed
postPlansByIdTasks                                    401       404         404         404          403/404      allowed
patchPlansByIdTasksByTaskId                           401       404         404         404          403/404      allowed
postPlansByIdTasksByTaskIdProgress                    401       404         404         404          403/404      allowed
postPlansByIdFunding                                  401       404         404         404          403/404      allowed
postPlansByIdFundingByFundingIdSpending               401       404         404         404          403/404      allowed
patchPlansByIdFundingByFundingIdSpendingBySpendingId  401       404         404         404          403/404      allowed
deletePlansByIdFundingByFundingIdSpendingBySpendingId 401       404         404         404          403/404      allowed
postStories                                           401       403         allowed/403 403          allowed/403  allowed
getStories                                            allowed   allowed     allowed     allowed      allowed      allowed
getStoriesManage                                      401       403         allowed     403          allowed      allowed
getStoriesById                                        404       404         allowed/404 404          allowed/404  allowed
patchStoriesById                                      401       404         allowed/404 404          allowed/404  allowed
postStoriesByIdSubmit                                 401       404         allowed/404 404          allowed/404  allowed
postStoriesByIdApprove                                401       404         403/404     404          allowed/404  allowed
postStoriesByIdReturn                                 401       403         403         403          allowed/403  allowed
postStoryTips                                         allowed   allowed     allowed     allowed      allowed      allowed
getStoryTips                                          401       403         allowed     403          allowed      allowed
postStoryTipsByIdDecide                               401       404         allowed/404 404          allowed/404  allowed
getReportsMine                                        401       allowed     allowed     allowed      allowed      allowed
getReports                                            401       403         allowed     403          allowed      allowed
postReports                                           401       allowed     allowed     allowed      allowed      allowed
getReportsStats                                       401       403         allowed     403          allowed      allowed
getReportsStatsPublic                                 allowed   allowed     allowed     allowed      allowed      allowed
getReportsRoutes                                      401       403         403         403          allowed/403  allowed
putReportsRoutes                                      401       403         403         403          allowed/403  allowed
deleteReportsRoutesById                               401       404         404         404          404          404
getReportsById                                        401       allowed/404 allowed/404 404          allowed/404  allowed
postReportsByIdRoute                                  401       403/404     403/404     404          allowed/404  allowed
postReportsByIdAnswer                                 401       403/404     allowed/404 404          403/404      allowed
postCertificates                                      401       allowed/404 404         404          404          404
getCertificates                                       401       403         allowed/404 403          allowed/404  allowed
getCertificatesByCodePdf                              401       404         404         404          404          404
getCertificatesVerifyByCode                           404       404         404         404          404          404
postHonoursByIdImage                                  401       403         403         403          404          404
postNeedsByIdPhotos                                   401       404         404         403/404      403/404      403
postPlansByIdPhotos                                   401       404         404         404          403/404      invalid
postStoriesByIdPhotos                                 401       403         invalid/403 403          invalid/403  invalid
postReportsPhotos                                     401       invalid     invalid     invalid      invalid      invalid
`;

export const ACCESS_MATRIX = parseMatrix(TABLE);
